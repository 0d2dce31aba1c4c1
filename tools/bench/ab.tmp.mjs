import { readFileSync } from 'node:fs';
import { akSkAuth, createOsmClient } from '@osm-openapi/client';
import * as old from '/tmp/old/packages/client/dist/index.js';
import createClient from 'openapi-fetch';
import { startFixtureProcess } from './fixture-process.mjs';
const spec = JSON.parse(readFileSync('/work/main/packages/spec/dist/openapi.json', 'utf8'));
const ex = spec.components.examples.ListCasesResponseExample?.value ?? { incident_info: [] };
const server = await startFixtureProcess(ex);
const url = server.url;
const AKSK = { accessKey: 'BENCHACCESSKEY', secretKey: 'bench-secret-key', domainId: 'bench-domain-id' };
const q = { params: { query: { offset: 0, limit: 10 } } };
const v = {
  of: createClient({ baseUrl: url, headers: { 'X-Auth-Token': 't' } }),
  newTok: createOsmClient({ baseUrl: url, auth: { token: 't' } }),
  oldTok: old.createOsmClient({ baseUrl: url, auth: { token: 't' }, site: 1 }),
  newAk: createOsmClient({ baseUrl: url, auth: akSkAuth(AKSK) }),
  oldAk: old.createOsmClient({ baseUrl: url, auth: old.akSkAuth(AKSK), site: 1 }),
};
const times = Object.fromEntries(Object.keys(v).map((k) => [k, []]));
for (let r = 0; r < 120; r++) {
  const keys = Object.keys(v); for (let i = 0; i < r % keys.length; i++) keys.push(keys.shift());
  for (const k of keys) {
    const t = performance.now();
    for (let c = 0; c < 50; c++) { const res = await v[k].GET('/v2/servicerequest/cases', q); if (res.error) throw new Error(k); }
    times[k].push((performance.now() - t) / 50);
  }
}
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
const ratio = (a, b) => med(times[a].map((x, i) => x / times[b][i]));
console.log(Object.fromEntries(Object.entries(times).map(([k, a]) => [k, med(a).toFixed(1)])));
console.log('newTok/of', ratio('newTok', 'of').toFixed(3), 'oldTok/of', ratio('oldTok', 'of').toFixed(3), 'newTok/oldTok', ratio('newTok', 'oldTok').toFixed(3), 'newAk/oldAk', ratio('newAk', 'oldAk').toFixed(3));
await server.close();
