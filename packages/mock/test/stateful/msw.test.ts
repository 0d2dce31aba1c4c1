// osmHandlers({ stateful }) : a store per handler set, its control routes under the handlers' base URL.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { osmHandlers } from '../../src/msw/node.js';

const HEADERS = { 'X-Auth-Token': 't', 'Content-Type': 'application/json' };
const TICKET = JSON.stringify({ business_type_id: 'b', simple_description: 'd', source_id: 's' });
const A = 'https://a.osm.test';
const B = 'https://b.osm.test/osm';
const PLAIN = 'https://plain.osm.test';

describe('osmHandlers({ stateful })', () => {
  const server = setupServer(
    ...osmHandlers({ baseUrl: A, stateful: { seed: { cases: [{ incident_id: 'CS1', status: 1 }] } } }),
    ...osmHandlers({ baseUrl: B, stateful: true }),
    ...osmHandlers({ baseUrl: PLAIN }),
  );
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  test('each handler set keeps its own store', async () => {
    const created = await (await fetch(`${A}/v2/servicerequest/cases`, { method: 'POST', headers: HEADERS, body: TICKET })).json();
    expect(await (await fetch(`${A}/v2/servicerequest/cases/${created.incident_id}/status`, { headers: HEADERS })).json()).toEqual({
      status: 0,
    });
    expect(await (await fetch(`${B}/v2/servicerequest/cases/${created.incident_id}/status`, { headers: HEADERS })).json()).toMatchObject({
      error_code: 'OSM.01010015',
    });
    // B starts from the spec's examples, without A's ticket.
    const state = await (await fetch(`${B}/__osm/state`)).json();
    expect(state.cases.length).toBeGreaterThan(0);
    expect(state.cases.map((c: { incident_id: string }) => c.incident_id)).not.toContain(created.incident_id);
  });

  test('the control routes live under the base URL; stateless handlers have none', async () => {
    await fetch(`${A}/__osm/reset`, { method: 'POST' });
    expect((await (await fetch(`${A}/__osm/state`)).json()).cases.map((c: { incident_id: string }) => c.incident_id)).toEqual(['CS1']);
    const plain = await fetch(`${PLAIN}/__osm/state`);
    expect(plain.status).toBe(404);
    expect(await plain.json()).toMatchObject({ error_code: 'APIGW.0101' });
  });

  test('validation and Prefer work as without state', async () => {
    const invalid = await fetch(`${A}/v2/servicerequest/cases/CS1/action?action_id=reopen`, {
      method: 'POST',
      headers: HEADERS,
      body: '{}',
    });
    expect(invalid.status).toBe(400);
    const forced = await fetch(`${A}/v2/servicerequest/cases/CS1/status`, { headers: { ...HEADERS, Prefer: 'example=success' } });
    expect(await forced.json()).toEqual({ status: 0 });
    expect(await (await fetch(`${A}/v2/servicerequest/cases/CS1/status`, { headers: HEADERS })).json()).toEqual({ status: 1 });
  });
});

test('a seed file that cannot be read fails when the handlers are made', () => {
  expect(() => osmHandlers({ stateful: { seed: '/nonexistent/seed.json' } })).toThrow(
    /Cannot read the seed file \/nonexistent\/seed\.json/,
  );
});
