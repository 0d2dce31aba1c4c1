// The mock under load: @osm-openapi/mock (Prism behind its front server) against a plain node:http
// server answering the same JSON body, both on loopback, both loaded by autocannon in the same run.
// Run alone with `node tools/bench/mock.mjs [rounds] [seconds]`; `npm run bench` calls benchMock().
import { pathToFileURL } from 'node:url';
import { startMock } from '@osm-openapi/mock';
import { loadSpec } from '@osm-openapi/spec';
import autocannon from 'autocannon';
import { startFixtureServer } from './fixture-server.mjs';
import { summarize } from './stats.mjs';

/** The request both servers answer: showCaseStatus, a small JSON body. */
const PATH = '/v2/servicerequest/cases/CS20240101000001/status';
const CONNECTIONS = 10;
const WARM_UP_SECONDS = 2;

/** The body the mock answers for PATH: showCaseStatus's `success` example, read from the spec. */
function showCaseStatusSuccess() {
  const spec = loadSpec();
  const example = spec.paths['/v2/servicerequest/cases/{case_id}/status'].get.responses['200'].content['application/json'].examples.success;
  return spec.components.examples[example.$ref.split('/').pop()].value;
}

/** Loads `url` for `seconds`; fails if any answer is not a 2xx (a benchmark of errors measures nothing). */
async function load(url, seconds) {
  let failure = '';
  const result = await autocannon({
    url: `${url}${PATH}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'X-Auth-Token': 'bench' },
    setupClient: (client) =>
      client.on('response', (status, _bytes, _time) => {
        failure ||= status >= 300 ? `HTTP ${status}` : '';
      }),
  });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) {
    const kinds = `${result.non2xx} non-2xx (first: ${failure || 'none'}), ${result.errors} socket errors, ${result.timeouts} timeouts`;
    throw new Error(`${url}: ${failed} of ${result.requests.total} requests failed under load: ${kinds}`);
  }
  // The mean is fractional; autocannon's percentiles are whole milliseconds.
  return { rps: result.requests.average, mean: result.latency.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Median and range over the rounds of each figure. */
function summarizeRounds(rounds) {
  return {
    rps: summarize(rounds.map((r) => r.rps), 'req/s'),
    mean: summarize(rounds.map((r) => r.mean), 'ms'),
    p50: summarize(rounds.map((r) => r.p50), 'ms'),
    p99: summarize(rounds.map((r) => r.p99), 'ms'),
  };
}

/**
 * Measures the mock's throughput and latency against a plain node:http server with the same body.
 * Each round loads both, alternating which goes first; both are warmed up once before the rounds.
 * @param {{ rounds: number, durationSeconds: number }} options
 * @returns {Promise<{ mock: Figures, baseline: Figures, ratio: number }>} each figure of `Figures`
 *   (`rps`, `mean`, `p50`, `p99`, latencies in ms) is `{ median, min, max, rounds, unit, samples }`;
 *   `ratio` is the mock's median throughput over the baseline's.
 */
export async function benchMock({ rounds, durationSeconds }) {
  const mock = await startMock({ port: 0 }); // no `log`: quiet, like --quiet
  const baseline = await startFixtureServer(showCaseStatusSuccess());
  try {
    const [mockBody, baselineBody] = await Promise.all([mock.url, baseline.url].map(async (url) => (await fetch(`${url}${PATH}`, { headers: { 'X-Auth-Token': 'bench' } })).text()));
    if (mockBody !== baselineBody) throw new Error(`the mock and the baseline answer different bodies: ${mockBody} vs ${baselineBody}`);
    await load(mock.url, WARM_UP_SECONDS);
    await load(baseline.url, WARM_UP_SECONDS);
    const mockRounds = [];
    const baselineRounds = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 ? ['baseline', 'mock'] : ['mock', 'baseline'];
      for (const which of order) {
        if (which === 'mock') mockRounds.push(await load(mock.url, durationSeconds));
        else baselineRounds.push(await load(baseline.url, durationSeconds));
      }
    }
    const result = { mock: summarizeRounds(mockRounds), baseline: summarizeRounds(baselineRounds) };
    return { ...result, ratio: result.mock.rps.median / result.baseline.rps.median };
  } finally {
    await Promise.all([mock.close(), baseline.close()]);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rounds = 3, durationSeconds = 5] = process.argv.slice(2).map(Number);
  const result = await benchMock({ rounds, durationSeconds });
  const line = (name, f) =>
    `${name.padEnd(9)} ${f.rps.median.toFixed(0).padStart(7)} req/s [${f.rps.min.toFixed(0)}-${f.rps.max.toFixed(0)}]` +
    `  mean ${f.mean.median.toFixed(2)} ms  p50 ${f.p50.median} ms [${f.p50.min}-${f.p50.max}]  p99 ${f.p99.median} ms [${f.p99.min}-${f.p99.max}]`;
  console.log(`${rounds} rounds of ${durationSeconds} s, ${CONNECTIONS} connections, GET ${PATH}`);
  console.log(line('mock', result.mock));
  console.log(line('node:http', result.baseline));
  console.log(`ratio (mock / node:http throughput): ${result.ratio.toFixed(3)}`);
}
