// The README's override examples, compiled: if the API drifts from what the README shows, this fails.
// (The client calls of the helper's example are left out: the client is not a dependency of the mock.)
import { afterEach, expectTypeOf, test } from 'vitest';
import { override, type RunningMock, startMock } from '../../src/index.js';
import { osmHandlers } from '../../src/msw/node.js';
import { useOsmMock } from '../../src/vitest/mock.js';
import { useOsmHandlers } from '../../src/vitest/msw.js';

const closed = override(
  'showCaseStatus',
  ({ path }) => (path.case_id === 'CS-CLOSED' ? { status: 200, body: { status: 4 } } : undefined), // undefined: the mock answers
);
const noLabels = override('GET /v2/servicerequest/labels', () => ({ status: 200, body: { total_count: 0, label_list: [] } }));
const forbidden = override('listCases', () => ({ status: 403, body: { error_code: 'OSM.0003', error_msg: 'Forbidden.' } }));
const broken = override('showCaseStatus', () => ({ status: 200, body: { status: 99 as 4 } }), { validate: false });

test('the doors take them', async () => {
  const mock: RunningMock = await startMock({ port: 0, overrides: [closed] });
  mock.use(closed, noLabels);
  mock.resetOverrides();
  expectTypeOf(mock.takeOverrideErrors()[0]?.violations).toEqualTypeOf<readonly { where: string; rule: string }[] | undefined>();
  const osm = osmHandlers({ overrides: [forbidden] });
  expectTypeOf(osm.handler(closed, broken)).toEqualTypeOf<(typeof osm)[number]>();
});

test('the helpers', () => {
  const mock = useOsmMock({ stateful: true });
  afterEach(() => mock.mock.reset());
  mock.use(override('showCaseStatus', () => ({ status: 200, body: { status: 4 } })));
  expectTypeOf(mock.url).toBeString();
  const osm = useOsmHandlers({ listen: { onUnhandledFrame: 'error' } });
  osm.use(closed);
});
