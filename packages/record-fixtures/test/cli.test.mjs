// The command line, end to end: against the real mock it writes one redacted fixture per call.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'bin', 'record-fixtures.mjs');
const dir = mkdtempSync(join(tmpdir(), 'record-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// No credentials from the environment of whoever runs the tests.
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('OSM_')));

describe('record-fixtures', () => {
  it('--mock records each call into <out>/<operationId>/<case>.json', async () => {
    const calls = join(dir, 'calls.yaml');
    writeFileSync(
      calls,
      [
        '- operationId: showCaseStatus',
        '  case: success',
        '  source: a test',
        '  params: { path: { case_id: CS20240101000001 } }',
        '- operationId: listLabels',
        '  case: unauthorized',
        '  auth: false',
      ].join('\n'),
    );
    const out = join(dir, 'fixtures');
    const { stdout } = await run(process.execPath, [cli, '--mock', '--calls', calls, '--out', out], { env });
    expect(stdout).toMatch(/2 fixtures written/);
    const success = JSON.parse(readFileSync(join(out, 'showCaseStatus', 'success.json'), 'utf8'));
    expect(success).toMatchObject({
      operationId: 'showCaseStatus',
      case: 'success',
      source: 'a test',
      request: { method: 'GET', path: '/v2/servicerequest/cases/CS20240101000001/status', headers: { 'x-auth-token': '[REDACTED]' } },
      response: { status: 200, headers: { 'content-type': 'application/json' } },
    });
    const unauthorized = JSON.parse(readFileSync(join(out, 'listLabels', 'unauthorized.json'), 'utf8'));
    expect(unauthorized.response).toMatchObject({ status: 401, body: { error_code: 'OSM.0002' } });
  });

  it('refuses to call a real endpoint without credentials', async () => {
    const calls = join(dir, 'one.yaml');
    writeFileSync(calls, '- { operationId: listLabels, case: a }\n');
    await expect(
      run(process.execPath, [cli, '--base-url', 'http://127.0.0.1:9', '--calls', calls, '--out', dir], { env }),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('no credentials: set OSM_TOKEN, or OSM_AK, OSM_SK and OSM_DOMAIN_ID'),
    });
  });
});
