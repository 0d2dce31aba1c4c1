// Suite 7: the typed client replays every fixture's call twice - through @osm-openapi/mock/msw's
// handlers in this process (no port) and against the HTTP mock of the run - and gets the same result:
// same status, same data or the same OSM error. The two front doors share one engine.
import { createOsmClient } from '@osm-openapi/client';
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { clientInit } from '../../../../tools/record-fixtures/src/record.mjs';
import { callFromFixture } from '../../src/fixture-calls.js';
import { loadFixtures } from '../../src/fixtures.js';
import { reportChecked } from '../../src/report.js';
import { operations, spec, specPath } from '../../src/spec-under-test.js';

type Send = (path: string, init: object) => Promise<{ data?: unknown; error?: { code: string }; response: Response }>;

const MSW_URL = 'https://osm.msw.test';
const fixtures = loadFixtures();
const server = setupServer(...osmHandlers({ baseUrl: MSW_URL, spec: specPath }));
const clients = (baseUrl: string) => ({
  withAuth: createOsmClient({ baseUrl, retry: false, auth: { token: 'contract-tests-token' } }),
  withoutAuth: createOsmClient({ baseUrl, retry: false }),
});
const viaMsw = clients(MSW_URL);
const viaHttp = clients(inject('mockUrl'));

/** What a caller sees of a result: the status, the OSM error code, the data (a file as its bytes). */
async function seen(result: Awaited<ReturnType<Send>>) {
  const data = result.data instanceof Blob ? [...new Uint8Array(await result.data.arrayBuffer())] : result.data;
  return { status: result.response.status, error: result.error?.code, data };
}

describe('7 client via MSW', () => {
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => {
    server.close();
    reportChecked('client via msw', operations.length, `${[...fixtures.values()].flat().length} calls`);
  });

  describe.each(operations.map((op) => [op.operationId, { op, own: fixtures.get(op.operationId) ?? [] }] as const))('%s', (_, { op, own }) => {
    it.each(own.map((f) => [f.file, f] as const))('%s: same result as over HTTP', async (_, { fixture }) => {
      const call = callFromFixture(op, fixture);
      const pick = (c: ReturnType<typeof clients>) => (call.auth === false ? c.withoutAuth : c.withAuth) as unknown as Record<string, Send>;
      const init = () => clientInit(spec, op.operation, call);
      const [msw, http] = await Promise.all([pick(viaMsw)[op.method]!(op.path, init()), pick(viaHttp)[op.method]!(op.path, init())]);
      expect(await seen(msw)).toEqual(await seen(http));
      expect(msw.response.status).toBe(fixture.response.status);
    });
  });
});
