// A test file as a user writes it, whose override answers what OSM could not send and whose code under
// test swallows the 500: the helpers must fail it after the test. Run by helper.test.ts in its own vitest.
import { expect, test } from 'vitest';
import { override } from '../../../src/index.js';
import { useOsmMock } from '../../../src/vitest/mock.js';
import { useOsmHandlers } from '../../../src/vitest/msw.js';

const mock = useOsmMock();
const osm = useOsmHandlers({ baseUrl: 'https://fixture.osm.test', listen: { onUnhandledFrame: 'bypass' } });

/** Code under test that shows "unknown" when the status cannot be read, as UIs do. */
async function statusLabel(base: string): Promise<string> {
  const response = await fetch(`${base}/v2/servicerequest/cases/CS1/status`, { headers: { 'X-Auth-Token': 't' } });
  return response.ok ? String(((await response.json()) as { status: number }).status) : 'unknown';
}

test('http: a misspelt field, swallowed', async () => {
  // @ts-expect-error the misspelling a type check would catch; a JavaScript test would not.
  mock.use(override('showCaseStatus', () => ({ status: 200, body: { statuss: 4 } })));
  expect(await statusLabel(mock.url)).toBe('unknown');
});

test('msw: a misspelt field, swallowed', async () => {
  // @ts-expect-error as above.
  osm.use(override('showCaseStatus', () => ({ status: 200, body: { statuss: 4 } })));
  expect(await statusLabel('https://fixture.osm.test')).toBe('unknown');
});

test('http: a valid override passes, and the one before it is gone', async () => {
  expect(await statusLabel(mock.url)).toBe('0');
  mock.use(override('showCaseStatus', () => ({ status: 200, body: { status: 4 } })));
  expect(await statusLabel(mock.url)).toBe('4');
});

test('msw: a valid override passes, and the one before it is gone', async () => {
  expect(await statusLabel('https://fixture.osm.test')).toBe('0');
  osm.use(override('showCaseStatus', () => ({ status: 200, body: { status: 4 } })));
  expect(await statusLabel('https://fixture.osm.test')).toBe('4');
});
