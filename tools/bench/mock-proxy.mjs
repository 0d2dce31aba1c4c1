// Measurement 10: the mock as a validating proxy beside Prism's own. One upstream, plain node:http answering
// showCaseStatus and createCases with the spec's examples (mock-baseline.mjs), and in front of it, each as
// its own process on 127.0.0.1:
// - `osm-mock --proxy <upstream>` (requests checked by the mock's steps, answers against the spec);
// - bare Prism CLI, `prism proxy <spec> <upstream>` (request and response validation, its defaults).
// autocannon loads each in interleaved rounds (10 connections) with the two requests; then the latency a
// proxy adds: one request at a time, each proxy and the upstream itself taking turns, per-request times,
// the median through the proxy minus the median straight to the upstream.
// Run alone with `node tools/bench/mock-proxy.mjs [rounds] [seconds]`; `npm run bench` calls benchMockProxy().
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load, requests } from './mock.mjs';
import { MOCK_BIN, startServer } from './server-process.mjs';
import { comparison, summarize } from './stats.mjs';

const require = createRequire(import.meta.url);
const PRISM_CLI = require.resolve('@stoplight/prism-cli/dist/index.js');
const SPEC = require.resolve('@osm-openapi/spec/openapi.json');
const UPSTREAM = fileURLToPath(new URL('./mock-baseline.mjs', import.meta.url));
const PROXIES = ['mock', 'prism'];
const WARM_UP_SECONDS = 1;
/** Requests per round of the added-latency measurement, per target. */
const LATENCY_REQUESTS = 400;

/** One request over a kept-alive connection; its time in ms. */
function timed(agent, url, options) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(`${url}${options.path}`, { method: options.method, headers: options.headers, agent }, (res) => {
      res.resume();
      res.on('end', () =>
        res.statusCode < 300 ? resolve(performance.now() - started) : reject(new Error(`${url}${options.path}: ${res.statusCode}`)),
      );
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const median = (values) => summarize(values, 'ms').median;

/**
 * The median time a proxy adds to GET showCaseStatus: requests one at a time, the targets taking turns
 * request by request, so a busy moment of the machine hits them alike.
 */
async function addedLatency(targets, options) {
  const agents = Object.fromEntries(Object.keys(targets).map((name) => [name, new Agent({ keepAlive: true, maxSockets: 1 })]));
  const times = Object.fromEntries(Object.keys(targets).map((name) => [name, []]));
  try {
    for (let i = 0; i < 50; i++) for (const [name, url] of Object.entries(targets)) await timed(agents[name], url, options); // warm-up
    for (let i = 0; i < LATENCY_REQUESTS; i++)
      for (const [name, url] of Object.entries(targets)) times[name].push(await timed(agents[name], url, options));
  } finally {
    for (const agent of Object.values(agents)) agent.destroy();
  }
  const direct = median(times.upstream);
  return Object.fromEntries(PROXIES.map((name) => [name, median(times[name]) - direct]));
}

/**
 * Measures both proxies against one upstream per round.
 * @param {{ rounds: number, durationSeconds: number }} options
 */
export async function benchMockProxy({ rounds, durationSeconds }) {
  const plan = requests();
  const bodies = { GET: plan.GET.answer, POST: plan.POST.answer };
  const samples = Object.fromEntries(PROXIES.map((p) => [p, { GET: [], POST: [], added: [] }]));
  for (let round = 0; round < rounds; round++) {
    const upstream = await startServer('upstream', (port) => [UPSTREAM, String(port), JSON.stringify(bodies)], plan.GET.options);
    const servers = {};
    try {
      servers.mock = await startServer(
        'osm-mock --proxy',
        (port) => [MOCK_BIN, '--port', String(port), '--quiet', '--proxy', upstream.url],
        plan.GET.options,
      );
      servers.prism = await startServer(
        'prism proxy',
        (port) => [PRISM_CLI, 'proxy', SPEC, upstream.url, '--host', '127.0.0.1', '--port', String(port), '--verboseLevel', 'silent'],
        plan.GET.options,
      );
      const order = PROXIES.map((_, i) => PROXIES[(i + round) % PROXIES.length]);
      for (const kind of ['GET', 'POST']) {
        for (const which of order) {
          try {
            await load(servers[which].url, plan[kind], WARM_UP_SECONDS);
            samples[which][kind].push(await load(servers[which].url, plan[kind], durationSeconds));
          } catch (error) {
            throw new Error(`${which === 'mock' ? 'osm-mock --proxy' : 'prism proxy'}: ${error.message}`);
          }
        }
      }
      const added = await addedLatency({ upstream: upstream.url, mock: servers.mock.url, prism: servers.prism.url }, plan.GET.options);
      for (const which of PROXIES) samples[which].added.push(added[which]);
    } finally {
      await Promise.all([upstream, ...Object.values(servers)].map((server) => server.stop()));
    }
  }
  const result = Object.fromEntries(
    PROXIES.map((p) => [
      p,
      {
        GET: summarize(
          samples[p].GET.map((r) => r.rps),
          'req/s',
        ),
        POST: summarize(
          samples[p].POST.map((r) => r.rps),
          'req/s',
        ),
        added: summarize(samples[p].added, 'ms'),
      },
    ]),
  );
  return {
    id: 'mock-proxy',
    title: 'mock proxy',
    comparisons: [
      comparison(
        'osm-mock --proxy, GET showCaseStatus, throughput',
        result.mock.GET,
        'bare prism proxy, same spec and upstream',
        result.prism.GET,
      ),
      comparison(
        'osm-mock --proxy, POST createCases, throughput',
        result.mock.POST,
        'bare prism proxy, same spec and upstream',
        result.prism.POST,
      ),
      comparison(
        'osm-mock --proxy, latency added to GET (median)',
        result.mock.added,
        'bare prism proxy, same spec and upstream',
        result.prism.added,
      ),
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rounds = 3, durationSeconds = 5] = process.argv.slice(2).map(Number);
  const { comparisons } = await benchMockProxy({ rounds, durationSeconds });
  console.log(`${rounds} rounds of ${durationSeconds} s, 10 connections; latency: ${LATENCY_REQUESTS} requests one at a time per round`);
  const show = (f) =>
    `${f.median.toFixed(f.unit === 'ms' ? 2 : 0)} ${f.unit} [${f.min.toFixed(f.unit === 'ms' ? 2 : 0)}-${f.max.toFixed(f.unit === 'ms' ? 2 : 0)}]`;
  for (const c of comparisons)
    console.log(`${c.label}: ${show(c.subject)} | ${c.baselineLabel}: ${show(c.baseline)} | ×${c.ratio.toFixed(2)}`);
}
