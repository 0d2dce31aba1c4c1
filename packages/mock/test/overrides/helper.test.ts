// The vitest helpers: one line sets a test file up, overrides go after each test, and an override that
// answered what OSM could not send fails its test even when the code under test swallowed the 500.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { override } from '../../src/index.js';
import { useOsmMock } from '../../src/vitest/mock.js';
import { useOsmHandlers } from '../../src/vitest/msw.js';

describe('useOsmMock() and useOsmHandlers() in this file', () => {
  const mock = useOsmMock();
  // The HTTP mock's requests pass through MSW too (it intercepts every fetch of the process).
  const osm = useOsmHandlers({ baseUrl: 'https://helper.osm.test', listen: { onUnhandledFrame: 'bypass' } });
  const status = async (base: string) =>
    (await (await fetch(`${base}/v2/servicerequest/cases/CS1/status`, { headers: { 'X-Auth-Token': 't' } })).json()) as unknown;

  test('both answer, on a free port and in-process; overrides apply to the test that adds them', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.mock.port).not.toBe(4010);
    mock.use(override('showCaseStatus', () => ({ status: 200, body: { status: 12 } })));
    osm.use(override('showCaseStatus', () => ({ status: 200, body: { status: 17 } })));
    expect(await status(mock.url)).toEqual({ status: 12 });
    expect(await status('https://helper.osm.test')).toEqual({ status: 17 });
  });

  test('the next test starts without them', async () => {
    expect(await status(mock.url)).toEqual({ status: 0 });
    expect(await status('https://helper.osm.test')).toEqual({ status: 0 });
    expect(osm.server.listHandlers()).toHaveLength(osm.handlers.length);
  });
});

test('reading the mock before beforeAll says when it starts', () => {
  // Called inside a test, the helper's hooks never run for it: the fixture is read "too early".
  const early = useOsmMock();
  expect(() => early.url).toThrow('useOsmMock(): the mock starts in beforeAll; read it inside a test or a hook.');
});

test('an override answering what OSM could not send fails its test after it, even when the 500 was swallowed', async () => {
  const require = createRequire(import.meta.url);
  const vitest = require.resolve('vitest/package.json').replace(/package\.json$/, 'vitest.mjs');
  const config = fileURLToPath(new URL('helper-fixture/vitest.config.ts', import.meta.url));
  const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [vitest, 'run', '--config', config, '--reporter=verbose', '--no-color'],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), timeout: 200_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
  expect(run.code, run.output).toBe(1);
  expect(run.output).toMatch(/×.*http: a misspelt field, swallowed/);
  expect(run.output).toMatch(/×.*msw: a misspelt field, swallowed/);
  expect(run.output).toMatch(/✓.*http: a valid override passes/);
  expect(run.output).toMatch(/✓.*msw: a valid override passes/);
  // The error points at the test's override() call, not into the mock.
  expect(run.output).toMatch(/❯ swallowed\.fixture\.ts:\d+:\d+/);
  expect(run.output).toContain(
    'OverrideError: The override of showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status) answered 200 with what OSM could not send: body field statuss: is not a field of this answer in the spec.',
  );
});
