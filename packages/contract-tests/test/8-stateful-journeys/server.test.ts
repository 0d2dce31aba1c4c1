// Suite 7 (server): the ticket journey through the typed client against `startMock({ stateful: true })`.
import { createOsmClient } from '@osm-openapi/client';
import { type RunningMock, startMock } from '@osm-openapi/mock';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { reportChecked } from '../../src/report.js';
import { specPath } from '../../src/spec-under-test.js';
import { checkedFetch } from './checked-fetch.js';
import { ticketJourney } from './journey.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, spec: specPath, stateful: true });
});
afterAll(() => mock.close());

test('a ticket lives through its journey on the stateful server, every exchange valid against the spec', async () => {
  const checked = checkedFetch(mock.url);
  const client = createOsmClient({ baseUrl: mock.url, auth: { token: 'journey' }, fetch: checked.fetch, retry: false });
  await ticketJourney(client);
  // Twice: the second ticket lives beside the state the first one left.
  await ticketJourney(client);
  expect(checked.checked.size).toBeGreaterThanOrEqual(14);
  reportChecked('stateful journeys, server', checked.checked.size);
});
