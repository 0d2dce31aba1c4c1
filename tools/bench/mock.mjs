// The mock under load, beside what it replaced and what it cannot beat, all in the same run:
// - @osm-openapi/mock, started from its `osm-mock` bin (Prism's HTTP library in-process);
// - bare Prism CLI (`prism mock`) on the same bundled spec: what the mock was built on;
// - plain node:http answering the same bodies (mock-baseline.mjs): the ceiling of any Node server.
// Each runs as its own process, so its memory (RSS) can be read after the load. autocannon drives
// them in interleaved rounds (10 connections) with GET showCaseStatus and POST createCases (its example
// body); each server's start to its first answer is timed too.
// Run alone with `node tools/bench/mock.mjs [rounds] [seconds]`; `npm run bench` calls benchMock().
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSpec } from '@osm-openapi/spec';
import autocannon from 'autocannon';
import { MOCK_BIN, startServer } from './server-process.mjs';
import { summarize } from './stats.mjs';

const CONNECTIONS = 10;
/** Each server is started afresh every round, so every round warms it up (JIT, validators) before measuring. */
const WARM_UP_SECONDS = 1;
const require = createRequire(import.meta.url);
const PRISM_CLI = require.resolve('@stoplight/prism-cli/dist/index.js');
const BASELINE = fileURLToPath(new URL('./mock-baseline.mjs', import.meta.url));
const SERVERS = ['mock', 'prism', 'node'];

/** A named example's value, following the spec's `$ref`s. */
function exampleValue(spec, example) {
  return example.$ref ? spec.components.examples[example.$ref.split('/').pop()].value : example.value;
}

/** The two benchmarked requests, and the bodies the mock answers them with, from the spec. */
export function requests() {
  const spec = loadSpec();
  const status = spec.paths['/v2/servicerequest/cases/{case_id}/status'].get;
  const create = spec.paths['/v2/servicerequest/cases'].post;
  const json = 'application/json';
  return {
    GET: {
      title: 'GET showCaseStatus',
      options: { method: 'GET', path: '/v2/servicerequest/cases/CS20240101000001/status', headers: { 'X-Auth-Token': 'bench' } },
      answer: exampleValue(spec, status.responses['200'].content[json].examples.success),
    },
    POST: {
      title: 'POST createCases',
      options: {
        method: 'POST',
        path: '/v2/servicerequest/cases',
        headers: { 'X-Auth-Token': 'bench', 'Content-Type': json },
        body: JSON.stringify(exampleValue(spec, Object.values(create.requestBody.content[json].examples)[0])),
      },
      answer: exampleValue(spec, create.responses['200'].content[json].examples.success),
    },
  };
}

/** Starts one of the servers and resolves once it answers the GET; with the time that took. */
function start(which, request, bodies) {
  const args = {
    mock: (port) => [MOCK_BIN, '--port', String(port), '--quiet'],
    prism: (port) => [
      PRISM_CLI,
      'mock',
      require.resolve('@osm-openapi/spec/openapi.json'),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--verboseLevel',
      'error',
    ],
    node: (port) => [BASELINE, String(port), JSON.stringify(bodies)],
  }[which];
  return startServer(which, args, request.options);
}

/** Loads `url` with `request` for `seconds`; fails if any answer is not a 2xx (a benchmark of errors measures nothing). */
export async function load(url, request, seconds) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: [request.options] });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0)
    throw new Error(
      `${url} ${request.title}: ${failed} of ${result.requests.total} requests failed (${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts)`,
    );
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/**
 * Measures the three servers. Each round loads every server with each request, the order of the
 * servers turning from round to round; start-up is timed once per round for each server.
 * @param {{ rounds: number, durationSeconds: number }} options
 * @returns {Promise<Record<string, { GET: Figures, POST: Figures, start: Summary, rss: Summary }>>} per server
 */
export async function benchMock({ rounds, durationSeconds }) {
  const plan = requests();
  const bodies = { GET: plan.GET.answer, POST: plan.POST.answer };
  const samples = Object.fromEntries(SERVERS.map((s) => [s, { GET: [], POST: [], start: [], rss: [] }]));
  for (let round = 0; round < rounds; round++) {
    const order = SERVERS.map((_, i) => SERVERS[(i + round) % SERVERS.length]);
    for (const which of order) {
      const server = await start(which, plan.GET, bodies);
      try {
        samples[which].start.push(server.startMs);
        for (const kind of ['GET', 'POST']) {
          await load(server.url, plan[kind], WARM_UP_SECONDS);
          samples[which][kind].push(await load(server.url, plan[kind], durationSeconds));
        }
        samples[which].rss.push(server.rss());
      } finally {
        await server.stop();
      }
    }
  }
  const figures = (list) => ({
    rps: summarize(
      list.map((r) => r.rps),
      'req/s',
    ),
    p99: summarize(
      list.map((r) => r.p99),
      'ms',
    ),
  });
  return Object.fromEntries(
    SERVERS.map((s) => [
      s,
      {
        GET: figures(samples[s].GET),
        POST: figures(samples[s].POST),
        start: summarize(samples[s].start, 'ms'),
        rss: summarize(samples[s].rss, 'B'),
      },
    ]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rounds = 3, durationSeconds = 5] = process.argv.slice(2).map(Number);
  const result = await benchMock({ rounds, durationSeconds });
  const show = (f) => `${f.median.toFixed(0)} ${f.unit} [${f.min.toFixed(0)}-${f.max.toFixed(0)}]`;
  console.log(`${rounds} rounds of ${durationSeconds} s, ${CONNECTIONS} connections`);
  for (const [name, r] of Object.entries(result)) {
    console.log(
      `${name.padEnd(6)} GET ${show(r.GET.rps)} p99 ${show(r.GET.p99)} | POST ${show(r.POST.rps)} p99 ${show(r.POST.p99)} | start ${show(r.start)} | RSS ${(r.rss.median / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  console.log(
    `GET ×${(result.mock.GET.rps.median / result.prism.GET.rps.median).toFixed(2)} bare Prism CLI, POST ×${(result.mock.POST.rps.median / result.prism.POST.rps.median).toFixed(2)}`,
  );
}
