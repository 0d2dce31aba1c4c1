// Measurement 2: the mock beside bare Prism CLI and plain node:http, under autocannon.
// tools/bench/mock.mjs runs it (and owns how); this turns its figures into the table's rows.
import { benchMock } from './mock.mjs';
import { comparison } from './stats.mjs';

/**
 * Runs the mock benchmark.
 * @param {{ rounds: number, durationSeconds: number }} options
 */
export async function benchMockThroughput({ rounds, durationSeconds }) {
  const { mock, prism, node } = await benchMock({ rounds, durationSeconds });
  const comparisons = [];
  for (const kind of ['GET', 'POST']) {
    const request = kind === 'GET' ? 'GET showCaseStatus' : 'POST createCases';
    comparisons.push(
      comparison(`@osm-openapi/mock, ${request}, throughput`, mock[kind].rps, 'bare Prism CLI, same spec', prism[kind].rps),
      comparison(`@osm-openapi/mock, ${request}, throughput`, mock[kind].rps, 'node:http, same body', node[kind].rps),
      // autocannon's percentiles are whole milliseconds.
      comparison(`@osm-openapi/mock, ${request}, latency p99 (whole ms)`, mock[kind].p99, 'bare Prism CLI, same spec', prism[kind].p99),
    );
  }
  comparisons.push(
    comparison('@osm-openapi/mock, start to first answer', mock.start, 'bare Prism CLI, same spec', prism.start),
    comparison('@osm-openapi/mock, RSS after load', mock.rss, 'bare Prism CLI, same spec', prism.rss),
    comparison('@osm-openapi/mock, RSS after load', mock.rss, 'node:http, same body', node.rss),
  );
  return { id: 'mock', title: 'mock', comparisons };
}
