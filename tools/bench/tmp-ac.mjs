import { startMock } from '@osm-openapi/mock';
import autocannon from 'autocannon';
const mock = await startMock({ port: 0 });
await (await fetch(`${mock.url}/v2/servicerequest/cases/CS20240101000001/status`, { headers: { 'X-Auth-Token': 'bench' } })).text();
for (let i = 0; i < 3; i++) {
const statuses = {};
const r = await autocannon({ url: `${mock.url}/v2/servicerequest/cases/CS20240101000001/status`, connections: 10, duration: 2, headers: { 'X-Auth-Token': 'bench' },
  setupClient(client) { client.on('response', (status) => { statuses[status] = (statuses[status] ?? 0) + 1; }); client.on('body', (b) => { const s = b.toString(); if (!s.startsWith('{"status"') && !statuses.sample) statuses.sample = s.slice(0, 300); }); } });
console.log(r.errors, r.timeouts, r.non2xx, r.requests.total, r.requests.average, statuses);
}
await mock.close();
