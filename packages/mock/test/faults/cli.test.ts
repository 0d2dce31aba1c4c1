// `osm-mock --latency --faults --seed`: the options as a user types them, the banner that says how to
// repeat the run, and refusals that name the option.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CliRun, runCli, waitForOutput } from '../cli/run-cli.js';

describe('osm-mock --port 0 --latency 50-200 --faults 0.05 --seed x', () => {
  let run: CliRun;
  let url = '';
  beforeAll(async () => {
    run = runCli(['--port', '0', '--latency', '50-200', '--faults', '0.05', '--seed', 'x']);
    [, url = ''] = await waitForOutput(
      run,
      /OSM mock serving \d+ operations at (http:\/\/127\.0\.0\.1:\d+) \(examples; latency 50-200 ms, faults 0.05, seed x\)/,
    );
  });
  afterAll(() => {
    if (run.child.exitCode === null) run.child.kill('SIGTERM');
    return run.exit;
  });

  test('answers at least 50 ms late; Prefer faults work as in code; the log names a fault', async () => {
    const started = performance.now();
    const response = await fetch(`${url}/v2/servicerequest/cases/CS1/status`, { headers: { 'X-Auth-Token': 't', Prefer: 'code=200' } });
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    await expect(
      fetch(`${url}/v2/servicerequest/cases/CS1/status`, { headers: { 'X-Auth-Token': 't', Prefer: 'fault=reset' } }),
    ).rejects.toThrow();
    await waitForOutput(run, /GET \/v2\/servicerequest\/cases\/CS1\/status -> reset/);
  });
});

describe('refused options', () => {
  test.each([
    // checkNetworkOptions' own messages (engine/network.ts), as startMock() gives them, after `--`.
    [
      ['--latency', '200-50'],
      '--latency must be a whole number of milliseconds or a [min, max] range of them, from 0 to 60000, min <= max; got [200,50]',
    ],
    [
      ['--latency', 'fast'],
      '--latency must be a whole number of milliseconds or a [min, max] range of them, from 0 to 60000, min <= max; got "fast"',
    ],
    [['--latency', '70000'], '--latency must be a whole number of milliseconds'],
    [['--faults', '1.5'], '--faults must be a number from 0 to 1 (the share of requests that meet a fault); got 1.5'],
    [['--faults', 'some'], '--faults must be a number from 0 to 1 (the share of requests that meet a fault); got "some"'],
  ])('%j: exit 1 naming the option', async (args, message) => {
    const run = runCli(['--port', '0', ...args]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain(`osm-mock: ${message}`);
  });
});
