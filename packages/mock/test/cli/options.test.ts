import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CliRun, runCli } from './run-cli.js';

const SPEC = fileURLToPath(new URL('./fixtures/one-operation.yaml', import.meta.url));

/** A port that was free a moment ago (the quiet CLI prints no URL to read the port from). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls until the quiet mock answers (it prints nothing to wait for). */
async function waitUntilServing(url: string, run: CliRun): Promise<void> {
  for (;;) {
    if (run.child.exitCode !== null) throw new Error(`osm-mock exited: ${run.stderr()}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe('osm-mock --spec <yaml> --dynamic --quiet --host 127.0.0.1 --port <n>', () => {
  let run: CliRun;
  let url: string;
  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    run = runCli(['--spec', SPEC, '--dynamic', '--seed', 'gauges', '--quiet', '--host', '127.0.0.1', '--port', String(port)]);
    await waitUntilServing(url, run);
  });
  afterAll(() => {
    if (run.child.exitCode === null) run.child.kill('SIGTERM');
    return run.exit;
  });

  test('serves the given spec with data generated from its schema', async () => {
    const response = await fetch(`${url}/v2/gauges/g1`, { headers: { 'X-Gauge-Token': 'secret' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { level: number; unit: string };
    expect(Object.keys(body).sort()).toEqual(['level', 'unit']);
    expect(body.level).toBeGreaterThanOrEqual(1);
    expect(body.level).toBeLessThanOrEqual(5);
    expect(['bar', 'psi']).toContain(body.unit);
  });

  test("applies that spec's own credential rules", async () => {
    expect((await fetch(`${url}/v2/gauges/g1`)).status).toBe(401);
    const tooLong = await fetch(`${url}/v2/gauges/g1`, { headers: { 'X-Gauge-Token': '123456789' } });
    expect(tooLong.status).toBe(400);
    expect(await tooLong.json()).toMatchObject({
      error_msg: expect.stringContaining('header parameter X-Gauge-Token: must NOT have more than 8 characters'),
    });
  });

  test('prints nothing while serving', () => {
    expect(run.stdout()).toBe('');
    expect(run.stderr()).toBe('');
  });

  test('stops cleanly on SIGTERM', async () => {
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });
});
