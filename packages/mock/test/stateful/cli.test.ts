// `osm-mock --stateful` and `--stateful-seed <file>`, run as a user runs them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type CliRun, runCli, waitForOutput } from '../cli/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const HEADERS = { 'X-Auth-Token': 't', 'Content-Type': 'application/json' };
let run: CliRun | undefined;

afterEach(async () => {
  if (run && run.child.exitCode === null) run.child.kill('SIGTERM');
  await run?.exit;
  run = undefined;
});

describe('osm-mock --stateful', () => {
  test('says so in the banner and keeps what is created', async () => {
    run = runCli(['--port', '0', '--stateful']);
    const [, url] = await waitForOutput(run, /at (http:\/\/127\.0\.0\.1:\d+) \(stateful\)/);
    const created = await (
      await fetch(`${url}/v2/servicerequest/cases`, {
        method: 'POST',
        headers: HEADERS,
        body: JSON.stringify({ business_type_id: 'b', simple_description: 'd', source_id: 's' }),
      })
    ).json();
    const status = await (await fetch(`${url}/v2/servicerequest/cases/${created.incident_id}/status`, { headers: HEADERS })).json();
    expect(status).toEqual({ status: 0 });
  });

  test('--stateful-seed loads the file', async () => {
    const file = join(tempFolder(), 'seed.json');
    writeFileSync(file, JSON.stringify({ cases: [{ incident_id: 'CS20250101000009', status: 12 }] }));
    run = runCli(['--port', '0', '--stateful-seed', file]);
    const [, url] = await waitForOutput(run, /at (http:\/\/127\.0\.0\.1:\d+) \(stateful, seeded from .*seed\.json\)/);
    const state = await (await fetch(`${url}/__osm/state`)).json();
    expect(state.cases.map((c: { incident_id: string; status: number }) => [c.incident_id, c.status])).toEqual([['CS20250101000009', 12]]);
  });

  test('a bad seed file ends it with exit code 1 and the reason', async () => {
    const file = join(tempFolder(), 'seed.json');
    writeFileSync(file, '{"cases":[{"incident_id":"CS1"}]}');
    run = runCli(['--port', '0', '--stateful-seed', file]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toBe("osm-mock: could not start: Invalid seed: cases.0: must have required property 'status'\n");
  });
});
