// Overrides through the MSW door: `server.use(osm.handler(...))` answers with them after the engine has
// validated the request, `server.resetHandlers()` removes them, handlers of other operations compose,
// and the stateful sandbox loses to them.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { override } from '../../src/index.js';
import { osmHandlers } from '../../src/msw/node.js';

const BASE = 'https://osm.overrides.test';
const STATEFUL = 'https://stateful.overrides.test';
const TOKEN = { 'X-Auth-Token': 't' };
const JSON_HEADERS = { ...TOKEN, 'Content-Type': 'application/json' };

const osm = osmHandlers({ baseUrl: BASE, overrides: [override('listAgencies', () => ({ status: 200, body: { agency_list: [] } }))] });
const sandbox = osmHandlers({ baseUrl: STATEFUL, stateful: true });
const server = setupServer(...osm, ...sandbox);

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  expect(osm.takeOverrideErrors()).toEqual([]);
});
afterAll(() => server.close());

const json = async (url: string, init: RequestInit = { headers: TOKEN }) => {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const caseStatus = (id = 'CS1') => json(`${BASE}/v2/servicerequest/cases/${id}/status`);

describe('server.use(osm.handler(...))', () => {
  test('answers its operation; server.resetHandlers() removes it', async () => {
    server.use(
      osm.handler(override('showCaseStatus', ({ path }) => ({ status: 200, body: { status: path.case_id === 'CS-CLOSED' ? 4 : 1 } }))),
    );
    expect(await caseStatus('CS-CLOSED')).toEqual({ status: 200, body: { status: 4 } });
    server.resetHandlers();
    expect(await caseStatus('CS-CLOSED')).toEqual({ status: 200, body: { status: 0 } });
  });

  test('other operations go on to the next handler, their bodies unread: handlers of two operations compose', async () => {
    server.use(osm.handler(override('showCaseStatus', () => ({ status: 200, body: { status: 3 } }))));
    server.use(
      osm.handler(
        override('createLabels', ({ body }) => ({
          status: 200,
          body: { error_code: 'OSM.0001', error_msg: `The name ${body.name} is taken.` },
        })),
      ),
    );
    expect(await caseStatus()).toEqual({ status: 200, body: { status: 3 } });
    const created = await json(`${BASE}/v2/servicerequest/labels`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: '{"name":"urgent","color":"#000000"}',
    });
    expect(created).toEqual({ status: 200, body: { error_code: 'OSM.0001', error_msg: 'The name urgent is taken.' } });
    // Neither claims this one: the base handler reads its body.
    expect(
      (await json(`${BASE}/v2/servicerequest/labels/7`, { method: 'PUT', headers: JSON_HEADERS, body: '{"name":"x","color":"#000000"}' }))
        .status,
    ).toBe(200);
  });

  test('the request is validated first: an invalid one is refused, the override never asked', async () => {
    let asked = false;
    server.use(
      osm.handler(
        override('listCases', () => {
          asked = true;
          return undefined;
        }),
      ),
    );
    const refused = await json(`${BASE}/v2/servicerequest/cases?limit=101`);
    expect(refused).toMatchObject({ status: 400, body: { error_code: 'OSM.0001' } });
    expect(asked).toBe(false);
  });

  test('overrides of the `overrides` option answer too, and resetHandlers() keeps them', async () => {
    expect(await json(`${BASE}/v2/servicerequest/agencies`)).toEqual({ status: 200, body: { agency_list: [] } });
  });

  test('an answer OSM could not send: 500 naming the operation, status and field, kept for takeOverrideErrors()', async () => {
    // @ts-expect-error the type says so first.
    server.use(osm.handler(override('showCaseStatus', () => ({ status: 200, body: { statuss: 4 } }))));
    const answer = await caseStatus();
    expect(answer.status).toBe(500);
    expect(answer.body.error_msg).toContain(
      'The override of showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status) answered 200 with what OSM could not send: body field statuss',
    );
    expect(osm.takeOverrideErrors().map((error) => error.violations)).toEqual([
      [{ where: 'body field statuss', rule: 'is not a field of this answer in the spec' }],
    ]);
  });

  test('an override of an operation the spec does not have fails every request it could claim, naming it', async () => {
    server.use(osm.handler(override('showCaseStatuss' as 'showCaseStatus', () => undefined)));
    const answer = await caseStatus();
    expect(answer.status).toBe(500);
    expect(answer.body.error_msg).toContain("override('showCaseStatuss'): showCaseStatuss is not an operation of the spec the mock serves");
    expect(osm.takeOverrideErrors()).toHaveLength(1);
  });
});

describe('with the stateful sandbox', () => {
  test('an override wins over the sandbox for its operation; the sandbox answers the rest', async () => {
    const created = await json(`${STATEFUL}/v2/servicerequest/cases`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ business_type_id: 'b', simple_description: 'd', source_id: 's' }),
    });
    const id = created.body.incident_id as string;
    expect(await json(`${STATEFUL}/v2/servicerequest/cases/${id}/status`)).toEqual({ status: 200, body: { status: 0 } });
    server.use(sandbox.handler(override('showCaseStatus', () => ({ status: 200, body: { status: 17 } }))));
    expect(await json(`${STATEFUL}/v2/servicerequest/cases/${id}/status`)).toEqual({ status: 200, body: { status: 17 } });
    // The sandbox still holds the ticket for every other operation.
    expect((await json(`${STATEFUL}/v2/servicerequest/cases/${id}`)).body).toMatchObject({ incident_detail_info: { incident_id: id } });
  });
});
