// Suite 7: the typed client replays every fixture's call twice - through @osm-openapi/mock/msw's
// handlers in this process (no port) and against the HTTP mock of the run - and gets the same result:
// same status, same data or the same OSM error. The two front doors share one engine.
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { replayCall } from '../../src/fixture-calls.js';
import { loadFixtures } from '../../src/fixtures.js';
import { replay, replayClients } from '../../src/replay.js';
import { reportChecked } from '../../src/report.js';
import { operations, specPath } from '../../src/spec-under-test.js';

const MSW_URL = 'https://osm.msw.test';
const fixtures = loadFixtures();
const server = setupServer(...osmHandlers({ baseUrl: MSW_URL, spec: specPath }));
const viaMsw = replayClients(MSW_URL);
const viaHttp = replayClients(inject('mockUrl'));

describe('7 client via MSW', () => {
  beforeAll(() => server.listen({ onUnhandledFrame: 'bypass' }));
  afterAll(() => {
    server.close();
    reportChecked('client via msw', operations.length, `${[...fixtures.values()].flat().length} calls`);
  });

  describe.each(operations.map((op) => [op.operationId, { op, own: fixtures.get(op.operationId) ?? [] }] as const))(
    '%s',
    (_, { op, own }) => {
      it.each(own.map((f) => [f.file, f] as const))('%s: same result as over HTTP', async (_, { fixture }) => {
        const [msw, http] = await Promise.all([replay(viaMsw, replayCall(op, fixture)), replay(viaHttp, replayCall(op, fixture))]);
        expect(msw).toEqual(http);
        expect(msw.status).toBe(fixture.response.status);
      });
    },
  );
});
