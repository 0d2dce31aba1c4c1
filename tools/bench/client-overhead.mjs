// Measurement 1: what a call through @osm-openapi/client costs over a hand-written fetch of the same
// request. Both hit the same node:http server, which answers listCases' `success` example; each call is
// awaited before the next, so the time per call is latency, not throughput. The variants take turns
// within every round, so a slow moment of the machine hits them alike.
import { createOsmClient } from '@osm-openapi/client';
import { startFixtureServer } from './fixture-server.mjs';
import { now, summarize } from './stats.mjs';

const PATH = '/v2/servicerequest/cases';
const QUERY = { offset: 0, limit: 10 };
const TOKEN = 'bench-token';
/** Made-up credentials: the server does not check the signature, the client still computes it. */
const AKSK = { accessKey: 'BENCHACCESSKEY', secretKey: 'bench-secret-key', domainId: 'bench-domain-id' };

/** listCases' `success` example from the bundled spec: the body the server returns. */
function listCasesExample(spec) {
  const ref = spec.paths[PATH].get.responses['200'].content['application/json'].examples.success;
  const example = ref.$ref ? ref.$ref.slice(2).split('/').reduce((node, key) => node[key], spec) : ref;
  return example.value;
}

/** The three ways of making the same call, each returning the parsed body (or throwing). */
function variants(url) {
  const rawUrl = `${url}${PATH}?${new URLSearchParams(Object.entries(QUERY).map(([k, v]) => [k, String(v)]))}`;
  const viaClient = (client) => async () => {
    const { data, error } = await client.GET(PATH, { params: { query: QUERY } });
    if (error) throw error;
    return data;
  };
  return {
    raw: async () => {
      const response = await fetch(rawUrl, { headers: { 'X-Auth-Token': TOKEN } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    },
    token: viaClient(createOsmClient({ baseUrl: url, auth: { token: TOKEN }, retry: false })),
    aksk: viaClient(createOsmClient({ baseUrl: url, auth: AKSK, retry: false })),
  };
}

/** Milliseconds per call over `calls` sequential calls. */
async function perCall(call, calls) {
  const start = now();
  for (let i = 0; i < calls; i++) await call();
  return (now() - start) / calls;
}

/**
 * Runs the comparison.
 * @param {{ spec: Record<string, any>, rounds: number, calls: number }} options `calls` per variant per round
 */
export async function benchClientOverhead({ spec, rounds, calls }) {
  const server = await startFixtureServer(listCasesExample(spec));
  try {
    const callers = variants(server.url);
    const samples = { raw: [], token: [], aksk: [] };
    for (const name of Object.keys(samples)) await perCall(callers[name], Math.ceil(calls / 4)); // warm-up (JIT, sockets)
    for (let round = 0; round < rounds; round++) {
      for (const name of Object.keys(samples)) samples[name].push(await perCall(callers[name], calls));
    }
    const baseline = summarize(samples.raw, 'ms');
    const row = (label, name) => {
      const subject = summarize(samples[name], 'ms');
      return { label, subject, baselineLabel: 'raw fetch + res.json()', baseline, ratio: subject.median / baseline.median };
    };
    return {
      id: 'client-overhead',
      title: 'client call',
      comparisons: [row('client, token auth, per call', 'token'), row('client, AK/SK signing, per call', 'aksk')],
    };
  } finally {
    await server.close();
  }
}
