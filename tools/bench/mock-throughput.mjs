// Measurement 2: the mock vs a plain node:http server returning the same body, under autocannon.
// tools/bench/mock.mjs runs it (and owns how); this turns its figures into the table's rows.
import { benchMock } from './mock.mjs';

/**
 * Runs the mock benchmark.
 * @param {{ rounds: number, durationSeconds: number }} options
 */
export async function benchMockThroughput({ rounds, durationSeconds }) {
  const result = await benchMock({ rounds, durationSeconds });
  const row = (label, key) => {
    const subject = result.mock[key];
    const baseline = result.baseline[key];
    return { label, subject, baselineLabel: 'node:http, same body', baseline, ratio: subject.median / baseline.median };
  };
  return {
    id: 'mock',
    title: 'mock',
    comparisons: [
      row('@osm-openapi/mock, throughput', 'rps'),
      row('@osm-openapi/mock, mean latency (0.01 ms steps)', 'mean'),
      // autocannon's percentiles are whole milliseconds: a sub-millisecond p50 reads 0 ms.
      row('@osm-openapi/mock, latency p50 (whole ms)', 'p50'),
      row('@osm-openapi/mock, latency p99 (whole ms)', 'p99'),
    ],
  };
}
