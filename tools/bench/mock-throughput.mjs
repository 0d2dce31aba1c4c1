// Measurement 2: the mock beside bare Prism CLI and plain node:http, under autocannon.
// tools/bench/mock.mjs runs it (and owns how); this turns its figures into the table's rows.
import { benchMock } from './mock.mjs';

/**
 * Runs the mock benchmark.
 * @param {{ rounds: number, durationSeconds: number }} options
 */
export async function benchMockThroughput({ rounds, durationSeconds }) {
  const { mock, prism, node } = await benchMock({ rounds, durationSeconds });
  const row = (label, subject, baselineLabel, baseline) => ({
    label,
    subject,
    baselineLabel,
    baseline,
    ratio: subject.median / baseline.median,
  });
  const comparisons = [];
  for (const kind of ['GET', 'POST']) {
    const request = kind === 'GET' ? 'GET showCaseStatus' : 'POST createCases';
    comparisons.push(
      row(`@osm-openapi/mock, ${request}, throughput`, mock[kind].rps, 'bare Prism CLI, same spec', prism[kind].rps),
      row(`@osm-openapi/mock, ${request}, throughput`, mock[kind].rps, 'node:http, same body', node[kind].rps),
      // autocannon's percentiles are whole milliseconds.
      row(`@osm-openapi/mock, ${request}, latency p99 (whole ms)`, mock[kind].p99, 'bare Prism CLI, same spec', prism[kind].p99),
    );
  }
  comparisons.push(
    row('@osm-openapi/mock, start to first answer', mock.start, 'bare Prism CLI, same spec', prism.start),
    row('@osm-openapi/mock, RSS after load', mock.rss, 'bare Prism CLI, same spec', prism.rss),
    row('@osm-openapi/mock, RSS after load', mock.rss, 'node:http, same body', node.rss),
  );
  return { id: 'mock', title: 'mock', comparisons };
}
