// `osm-mock --proxy` as a user runs it: credentials from the environment, a banner that names none,
// one log line per exchange, AK/SK requests re-signed (checked by the independent verifier), and the
// report written on exit.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, waitForOutput } from '../cli/run-cli.js';
import { type FakeOsm, PLANTED, startFakeOsm } from './support/fake-osm.js';
import { verifySignature } from './support/verify-signature.js';

const ENV = { OSM_AK: 'CLIPROXYAK0000000042', OSM_SK: 'cli-proxy-secret-key-0042', OSM_DOMAIN_ID: 'cli-proxy-domain-id-00000000042' };

describe('osm-mock --proxy', () => {
  let osm: FakeOsm;
  let scratch: string;
  beforeAll(async () => {
    osm = await startFakeOsm();
    scratch = mkdtempSync(join(tmpdir(), 'osm-proxy-cli-'));
  });
  afterAll(async () => {
    await osm?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test("proxies with the environment's credentials, logs each exchange, and writes the report on exit", async () => {
    const report = join(scratch, 'drift.json');
    const run = runCli(['--port', '0', '--proxy', osm.url, '--report', report, '--record', join(scratch, 'fixtures')], {
      ...process.env,
      ...ENV,
    });
    try {
      const [, url] = await waitForOutput(
        run,
        /OSM mock proxying 95 operations at (http:\/\/\S+) to (\S+) \(invalid requests reported; AK\/SK requests re-signed with OSM_AK\)/,
      );
      const signed = await fetch(`${url}/v2/servicerequest/cases/${PLANTED.extraFields}/status?x=1`, {
        headers: { Authorization: 'SDK-HMAC-SHA256 Access=placeholder, SignedHeaders=host, Signature=00' },
      });
      expect(signed.status).toBe(200);
      expect(verifySignature(osm.received.at(-1)!, ENV.OSM_SK)).toMatchObject({ ok: true, accessKey: ENV.OSM_AK });
      await waitForOutput(
        run,
        new RegExp(`GET /v2/servicerequest/cases/${PLANTED.extraFields}/status\\?x=1 -> 200 \\(\\d+ ms\\) - 2 violations: unknown-field 2`),
      );
      const drift = (await (await fetch(`${url}/__osm/drift`)).json()) as { exchanges: number };
      expect(drift.exchanges).toBe(1);
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toContain(`drift report written to ${report} and ${join(scratch, 'drift.md')}`);
    expect(JSON.parse(readFileSync(report, 'utf8')).operations[0]).toMatchObject({ operationId: 'showCaseStatus', exchanges: 1 });
    expect(existsSync(join(scratch, 'fixtures', 'showCaseStatus', 'proxy-200-0001.json'))).toBe(true);
    for (const secret of Object.values(ENV)) expect(run.stdout() + run.stderr()).not.toContain(secret);
  });

  test('without credentials in the environment, the banner says AK/SK requests are passed on as signed', async () => {
    const env = { ...process.env };
    for (const name of ['OSM_AK', 'OSM_SK', 'OSM_DOMAIN_ID', 'OSM_SECURITY_TOKEN']) delete env[name];
    const run = runCli(['--port', '0', '--proxy', osm.url, '--errors'], env);
    try {
      await waitForOutput(
        run,
        /\(invalid requests refused; AK\/SK requests passed on as signed \(set OSM_AK, OSM_SK, OSM_DOMAIN_ID to re-sign them\)\)/,
      );
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
  });

  test.each([
    [['--errors'], /--errors only goes with --proxy <url>/],
    [['--report', 'x.json', '--record', 'dir'], /--report, --record only go with --proxy <url>/],
    [['--proxy', 'not a url'], /--proxy must be an http: or https: URL, got "not a url"/],
    [['--proxy', 'http://127.0.0.1:9', '--stateful'], /--proxy answers from the upstream: it does not go with --stateful/],
    [
      ['--proxy', 'http://127.0.0.1:9', '--latency', '50', '--faults', '0.1', '--seed', 'x'],
      /it does not go with --latency, --faults, --seed$/m,
    ],
    [['--cors', 'https://app.example'], /--cors only goes with --proxy <url>/],
    [['--proxy', 'http://127.0.0.1:9', '--cors', '*'], /cors takes origins such as https:\/\/app.example/],
  ])('%j fails with a clear message', async (args, message) => {
    const run = runCli(['--port', '0', ...args]);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(message);
  });

  test('partial AK/SK credentials in the environment stop it, naming what is missing and no value', async () => {
    const run = runCli(['--port', '0', '--proxy', osm.url], { ...process.env, OSM_AK: ENV.OSM_AK, OSM_SK: '', OSM_DOMAIN_ID: '' });
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(/set OSM_SK and OSM_DOMAIN_ID as well/);
    expect(run.stderr()).not.toContain(ENV.OSM_AK);
  });

  test('--help describes proxy mode', async () => {
    const run = runCli(['--help']);
    expect(await run.exit).toBe(0);
    for (const option of [
      '--proxy <url>',
      '--errors',
      '--report <file>',
      '--record <dir>',
      'x-osm-violations',
      'GET /__osm/drift',
      'OSM_AK',
    ])
      expect(run.stdout()).toContain(option);
  });
});
