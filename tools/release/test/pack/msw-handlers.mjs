// Run in the scratch project: the installed @osm-openapi/mock/msw handlers in msw's setupServer,
// answering an operation in this process with no port, and refusing a request without a token.
import { createRequire } from 'node:module';
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupServer } from 'msw/node';

const msw = createRequire(import.meta.url)('msw/package.json').version;

const base = 'https://osm.ap-southeast-3.myhuaweicloud.com';
const server = setupServer(...osmHandlers());
// msw 3 renamed onUnhandledRequest to onUnhandledFrame.
server.listen(msw.startsWith('2.') ? { onUnhandledRequest: 'error' } : { onUnhandledFrame: 'error' });
const status = await fetch(`${base}/v2/servicerequest/cases/CS20240101000001/status`, { headers: { 'X-Auth-Token': 'a-token' } });
const unauthorized = await fetch(`${base}/v2/servicerequest/cases/CS20240101000001/status`);
console.log(
  JSON.stringify({
    msw,
    status: status.status,
    body: await status.json(),
    unauthorized: unauthorized.status,
    unauthorizedBody: await unauthorized.json(),
  }),
);
server.close();
