import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { childProcesses } from '../support/processes.js';
import { type CliRun, runCli, waitForOutput } from './run-cli.js';

describe('osm-mock --port 0', () => {
  let run: CliRun;
  let url: string;
  beforeAll(async () => {
    run = runCli(['--port', '0']);
    [, url = ''] = await waitForOutput(run, /OSM mock serving 95 operations at (http:\/\/127\.0\.0\.1:\d+) \(examples\)/);
  });
  afterAll(() => {
    if (run.child.exitCode === null) run.child.kill('SIGTERM');
    return run.exit;
  });

  test('prints the URL and the number of operations, then serves them', async () => {
    const response = await fetch(`${url}/v2/servicerequest/cases/CS20240101000001/status`, { headers: { 'X-Auth-Token': 't' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 0 });
  });

  test('logs each request', async () => {
    await fetch(`${url}/v2/servicerequest/labels`, { headers: { 'X-Auth-Token': 't' } });
    await waitForOutput(run, /GET \/v2\/servicerequest\/labels -> 200/);
  });

  test('serves from its own process (no child process) and stops cleanly on SIGINT', async () => {
    expect(childProcesses(run.child.pid!)).toEqual([]);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toBe('');
  });
});

describe('osm-mock on a port that is taken', () => {
  let server: Server;
  beforeAll(async () => {
    server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('exits non-zero and says which port and what to do', async () => {
    const { port } = server.address() as { port: number };
    const run = runCli(['--port', String(port)]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain(`osm-mock: Port ${port} on 127.0.0.1 is already in use`);
    expect(run.stderr()).toContain('--port 0 picks a free one');
    expect(run.stdout()).toBe('');
  });
});

describe('osm-mock arguments', () => {
  test('--help prints every option and exits 0', async () => {
    const run = runCli(['--help']);
    expect(await run.exit).toBe(0);
    for (const option of [
      '--port',
      '--host',
      '--dynamic',
      '--seed',
      '--strict',
      '--latency',
      '--faults',
      '--spec',
      '--quiet',
      '--version',
      '--help',
      'Prefer',
    ]) {
      expect(run.stdout()).toContain(option);
    }
  });

  test('--version prints the package version', async () => {
    const run = runCli(['--version']);
    expect(await run.exit).toBe(0);
    expect(run.stdout().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test('an unknown option fails with the usage', async () => {
    const run = runCli(['--prot', '4010']);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain("Unknown option '--prot'");
    expect(run.stderr()).toContain('Usage: osm-mock');
  });

  test('a port that is not a number fails with a clear message', async () => {
    const run = runCli(['--port', 'http']);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toContain('--port must be a whole number from 0 to 65535, got "http"');
  });
});
