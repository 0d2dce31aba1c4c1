// Run in the scratch project: startMock() from the installed @osm-openapi/mock, one request, close().
import { startMock } from '@osm-openapi/mock';

const mock = await startMock({ port: 0 });
const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS20240101000001/status`, {
  headers: { 'X-Auth-Token': 'a-token' },
});
const body = await response.json();
const unauthorized = await fetch(`${mock.url}/v2/servicerequest/cases/CS20240101000001/status`);
const unauthorizedBody = await unauthorized.json();
await mock.close();
console.log(
  JSON.stringify({ operations: mock.operations, status: response.status, body, unauthorized: unauthorized.status, unauthorizedBody }),
);
