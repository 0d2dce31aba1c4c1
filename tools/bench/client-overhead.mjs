// Measurement 1: what a call costs through @osm-openapi/client, against what the same call costs with a
// hand-written fetch, with bare openapi-fetch (what the client is built on) and with Huawei Cloud's own
// Node SDK core (for AK/SK). Every variant makes the same request - GET listCases with a query - to the
// same node:http server, which runs in another process and answers listCases' `success` example. Each call
// is awaited before the next, so the time per call is latency, not throughput. The variants take turns
// within every round (in a rotating order), so a slow moment of the machine hits them alike, and each
// ratio is the median of the per-round ratios.
import { akSkAuth, createOsmClient } from '@osm-openapi/client';
import createClient from 'openapi-fetch';
import { startFixtureProcess } from './fixture-process.mjs';
import { huaweiCoreCaller } from './huawei-core.mjs';
import { now, summarize } from './stats.mjs';

const PATH = '/v2/servicerequest/cases';
const QUERY = { offset: 0, limit: 10 };
const TOKEN = 'bench-token';
/** Made-up credentials: the server does not check the signature, the clients still compute it. */
const AKSK = { accessKey: 'BENCHACCESSKEY', secretKey: 'bench-secret-key', domainId: 'bench-domain-id' };

/** listCases' `success` example from the bundled spec: the body the server returns. */
function listCasesExample(spec) {
  const ref = spec.paths[PATH].get.responses['200'].content['application/json'].examples.success;
  const example = ref.$ref
    ? ref.$ref
        .slice(2)
        .split('/')
        .reduce((node, key) => node[key], spec)
    : ref;
  return example.value;
}

/** The ways of making the same call, each resolving to the parsed body (or throwing). */
function variants(url, root) {
  const rawUrl = `${url}${PATH}?${new URLSearchParams(Object.entries(QUERY).map(([k, v]) => [k, String(v)]))}`;
  const viaClient = (client) => async () => {
    const { data, error } = await client.GET(PATH, { params: { query: QUERY } });
    if (error) throw error;
    return data;
  };
  const openapiFetch = createClient({ baseUrl: url, headers: { 'X-Auth-Token': TOKEN } });
  const huaweiCore = huaweiCoreCaller({ root, baseUrl: url, ...AKSK });
  return {
    raw: async () => {
      const response = await fetch(rawUrl, { headers: { 'X-Auth-Token': TOKEN } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
    openapiFetch: async () => {
      const { data, error } = await openapiFetch.GET(PATH, { params: { query: QUERY } });
      if (error) throw new Error(`HTTP error ${JSON.stringify(error)}`);
      return data;
    },
    // The client's defaults: a 30 s timeout per attempt, retries on.
    token: viaClient(createOsmClient({ baseUrl: url, auth: { token: TOKEN } })),
    aksk: viaClient(createOsmClient({ baseUrl: url, auth: akSkAuth(AKSK) })),
    huaweiCore: () => huaweiCore(PATH, QUERY),
  };
}

/** Milliseconds per call over `calls` sequential calls. */
async function perCall(call, calls) {
  const start = now();
  for (let i = 0; i < calls; i++) await call();
  return (now() - start) / calls;
}

/** The median of the per-round ratios subject/baseline: pairs that shared a moment of the machine. */
function pairedRatio(subject, baseline) {
  return summarize(
    subject.map((value, round) => value / baseline[round]),
    '',
  ).median;
}

const LABELS = {
  raw: 'raw fetch + res.json()',
  openapiFetch: 'bare openapi-fetch',
  token: 'client, token auth',
  aksk: 'client, AK/SK signing',
  huaweiCore: "Huawei's Node SDK core, AK/SK",
};

/** Subject and baseline of each row: each against raw fetch, then the two comparisons that matter. */
const ROWS = [
  ['openapiFetch', 'raw'],
  ['token', 'raw'],
  ['aksk', 'raw'],
  ['huaweiCore', 'raw'],
  ['token', 'openapiFetch'],
  ['aksk', 'huaweiCore'],
];

/**
 * Runs the comparison.
 * @param {{ root: string, spec: Record<string, any>, rounds: number, calls: number }} options `calls` per variant per round
 */
export async function benchClientOverhead({ root, spec, rounds, calls }) {
  const server = await startFixtureProcess(listCasesExample(spec));
  try {
    const callers = variants(server.url, root);
    const names = Object.keys(callers);
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    for (const name of names) await perCall(callers[name], calls); // warm-up (JIT, sockets)
    for (let round = 0; round < rounds; round++) {
      for (let turn = 0; turn < names.length; turn++) {
        const name = names[(round + turn) % names.length];
        samples[name].push(await perCall(callers[name], calls));
      }
    }
    return {
      id: 'client-overhead',
      title: 'client call',
      comparisons: ROWS.map(([subject, baseline]) => ({
        label: `${LABELS[subject]}, per call`,
        subject: summarize(samples[subject], 'ms'),
        baselineLabel: LABELS[baseline],
        baseline: summarize(samples[baseline], 'ms'),
        ratio: pairedRatio(samples[subject], samples[baseline]),
      })),
    };
  } finally {
    await server.close();
  }
}
