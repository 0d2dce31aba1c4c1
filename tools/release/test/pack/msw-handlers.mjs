// Run in the scratch project: the installed @osm-openapi/mock/msw handlers in msw's setupServer,
// answering an operation in this process with no port, refusing a request without a token, and
// answering with an override added by server.use().
import { createRequire } from 'node:module';
import { override } from '@osm-openapi/mock';
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupServer } from 'msw/node';

const msw = createRequire(import.meta.url)('msw/package.json').version;

const base = 'https://osm.ap-southeast-3.myhuaweicloud.com';
const osm = osmHandlers();
const server = setupServer(...osm);
// msw 3 renamed onUnhandledRequest to onUnhandledFrame.
server.listen(msw.startsWith('2.') ? { onUnhandledRequest: 'error' } : { onUnhandledFrame: 'error' });
const status = await fetch(`${base}/v2/servicerequest/cases/CS20240101000001/status`, { headers: { 'X-Auth-Token': 'a-token' } });
const unauthorized = await fetch(`${base}/v2/servicerequest/cases/CS20240101000001/status`);
server.use(osm.handler(override('showCaseStatus', () => ({ status: 200, body: { status: 4 } }))));
const overridden = await fetch(`${base}/v2/servicerequest/cases/CS20240101000001/status`, { headers: { 'X-Auth-Token': 'a-token' } });
// Another operation: the override's handler passes it on to the next handler, osmHandlers()'s own.
const passedOn = await fetch(`${base}/v2/servicerequest/labels`, { headers: { 'X-Auth-Token': 'a-token' } });
console.log(
  JSON.stringify({
    msw,
    status: status.status,
    body: await status.json(),
    unauthorized: unauthorized.status,
    unauthorizedBody: await unauthorized.json(),
    overridden: await overridden.json(),
    passedOn: passedOn.status,
  }),
);
server.close();
