// One cold start, in a fresh process: `node cold-start-child.mjs <variant>` prints the milliseconds from
// this process's start to the first answer of GET showCaseStatus (performance.now() counts from the
// process's start, so Node's own start-up is in every variant alike). Variants:
// - msw-floor: msw's setupServer with one trivial handler - the floor any msw user pays;
// - msw-osm: setupServer(...osmHandlers()) - the mock's engine built and answering in-process;
// - start-mock: startMock({ port: 0 }) and a fetch to it over loopback HTTP.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const mockRequire = createRequire(createRequire(import.meta.url).resolve('@osm-openapi/mock/package.json'));
/** msw as the mock resolves it (the bench's own package does not depend on it). */
const importFromMock = (specifier) => import(pathToFileURL(mockRequire.resolve(specifier)).href);

const BASE = 'https://osm.ap-southeast-3.myhuaweicloud.com';
const PATH = '/v2/servicerequest/cases/CS20240101000001/status';
const HEADERS = { 'X-Auth-Token': 'bench-token-cold-start' };

async function firstAnswer(variant) {
  if (variant === 'start-mock') {
    const { startMock } = await import('@osm-openapi/mock');
    const mock = await startMock({ port: 0 });
    const response = await fetch(`${mock.url}${PATH}`, { headers: HEADERS });
    await response.text();
    const answered = performance.now();
    await mock.close();
    return { status: response.status, answered };
  }
  const { setupServer } = await importFromMock('msw/node');
  let handlers;
  if (variant === 'msw-floor') {
    const { http, HttpResponse } = await importFromMock('msw');
    handlers = [http.get(`${BASE}/v2/servicerequest/cases/:id/status`, () => HttpResponse.json({ status: 1 }))];
  } else {
    const { osmHandlers } = await importFromMock('@osm-openapi/mock/msw');
    handlers = osmHandlers();
  }
  const server = setupServer(...handlers);
  server.listen({ onUnhandledFrame: 'error' });
  const response = await fetch(`${BASE}${PATH}`, { headers: HEADERS });
  await response.text();
  const answered = performance.now();
  server.close();
  return { status: response.status, answered };
}

const { status, answered } = await firstAnswer(process.argv[2]);
if (status !== 200) throw new Error(`${process.argv[2]}: the first answer was ${status}, not 200`);
console.log(JSON.stringify({ ms: answered }));
