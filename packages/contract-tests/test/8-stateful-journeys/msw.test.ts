// Suite 8 (MSW): the same ticket journey through the typed client, answered in this process by
// `osmHandlers({ stateful: true })`; then the control routes through the same handlers.
import { createOsmClient } from '@osm-openapi/client';
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reportChecked } from '../../src/report.js';
import { specPath } from '../../src/spec-under-test.js';
import { checkedFetch } from './checked-fetch.js';
import { ticketJourney } from './journey.js';

const MSW_URL = 'https://osm.stateful.msw.test';
const server = setupServer(...osmHandlers({ baseUrl: MSW_URL, spec: specPath, stateful: { seed: {} } }));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

test('a ticket lives through its journey through MSW, every exchange valid against the spec', async () => {
  const checked = checkedFetch(MSW_URL);
  const client = createOsmClient({ baseUrl: MSW_URL, auth: { token: 'journey' }, fetch: checked.fetch, retry: false });
  await ticketJourney(client);
  expect(checked.checked.size).toBeGreaterThanOrEqual(14);
  reportChecked('stateful journeys, MSW', checked.checked.size);
});

test('the control routes work through MSW: state, then reset to the (empty) seed', async () => {
  const state = await (await fetch(`${MSW_URL}/__osm/state`)).json();
  // The journey deleted its ticket and left its label and attachment.
  expect(state.cases).toEqual([]);
  expect(state.labels).toHaveLength(1);
  expect(state.accessories).toHaveLength(1);
  const reset = await fetch(`${MSW_URL}/__osm/reset`, { method: 'POST' });
  expect(await reset.json()).toEqual({ cases: [], labels: [], accessories: [] });
});
