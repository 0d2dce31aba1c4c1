// The typed client and the first-ticket walkthrough run through the proxy unchanged: the upstream here is
// the stateful mock (a faithful OSM), so every answer is valid and the report holds exchanges and no drift;
// with AK/SK, the client signs for the proxy with placeholder credentials and the proxy re-signs.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { akSkAuth, createOsmClient } from '@osm-openapi/client';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';

const run = promisify(execFile);
const WALKTHROUGH = fileURLToPath(new URL('../../../../docs/walkthrough/first-ticket.ts', import.meta.url));
const MOCK_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

describe('the client and the walkthrough through the proxy, to the stateful mock', () => {
  let upstream: RunningMock;
  let proxy: RunningMock;
  beforeAll(async () => {
    upstream = await startMock({ port: 0, stateful: true });
    proxy = await startMock({
      port: 0,
      proxy: { url: upstream.url, credentials: { accessKey: 'UPSTREAMAK', secretKey: 'upstream-sk', domainId: 'upstream-domain' } },
    });
  });
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  test('the typed client, with a token and with AK/SK placeholders, gets what the upstream answers', async () => {
    const byToken = createOsmClient({ baseUrl: proxy.url, auth: { token: 'client-token' }, retry: false });
    const created = await byToken.POST('/v2/servicerequest/cases', {
      body: { business_type_id: 'bt-1', simple_description: 'Disk full', source_id: 'api' },
    });
    const id = created.data?.incident_id;
    expect(id).toMatch(/^CS/);
    const byAkSk = createOsmClient({
      baseUrl: proxy.url,
      auth: akSkAuth({ accessKey: 'placeholder', secretKey: 'placeholder', domainId: 'placeholder' }),
      retry: false,
    });
    const status = await byAkSk.GET('/v2/servicerequest/cases/{case_id}/status', { params: { path: { case_id: id! } } });
    expect(status.data).toEqual({ status: 0 });
    const missing = await byToken.GET('/v2/servicerequest/cases/{case_id}/status', { params: { path: { case_id: 'CS-NOT-THERE' } } });
    expect(missing.error).toMatchObject({ code: 'OSM.01010015' });
  });

  test('the first-ticket walkthrough runs unchanged, and the report shows every exchange and no drift', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'osm-proxy-walkthrough-'));
    try {
      symlinkSync(MOCK_MODULES, join(scratch, 'node_modules'), 'dir');
      // Types stripped by esbuild: TypeScript 7, the mock's compiler, has no transpileModule.
      const { code: outputText } = transformSync(readFileSync(WALKTHROUGH, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' });
      writeFileSync(join(scratch, 'first-ticket.mjs'), outputText);
      const before = proxy.drift().exchanges;
      const { stdout } = await run(process.execPath, [join(scratch, 'first-ticket.mjs')], {
        cwd: scratch,
        env: { ...process.env, OSM_ENDPOINT: proxy.url, OSM_TOKEN: 'walkthrough-token' },
      });
      const ticket = /^filed ticket (\S+)$/m.exec(stdout)?.[1];
      expect(ticket, stdout).toBeDefined();
      const report = proxy.drift();
      expect(report.exchanges).toBeGreaterThan(before + 5);
      expect(report.operations.flatMap((o) => o.drift)).toEqual([]);
      expect(report.operations.every((o) => o.clean === o.exchanges)).toBe(true);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  test("an upload through a recording proxy becomes a fixture like the recorder's: its parts as text, redacted", async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'osm-proxy-record-'));
    const recording = await startMock({ port: 0, proxy: { url: upstream.url, record: scratch } });
    try {
      const form = new FormData();
      form.append('form_data', JSON.stringify({ accessFrom: 'message', contact: 'bob@example.org' }));
      form.append('file', new File(['screen dump'], 'dump.txt', { type: 'text/plain' }));
      const response = await fetch(`${recording.url}/v2/servicerequest/accessorys`, {
        method: 'POST',
        headers: { 'X-Auth-Token': 'recorded-token-123' },
        body: form,
      });
      expect(response.status).toBe(200);
      const { accessory_id } = (await response.json()) as { accessory_id: string };
      await expect
        .poll(() => (existsSync(join(scratch, 'uploadAccessory')) ? readdirSync(join(scratch, 'uploadAccessory')) : []))
        .toEqual(['proxy-200-0001.json']);
      const fixture = JSON.parse(readFileSync(join(scratch, 'uploadAccessory', 'proxy-200-0001.json'), 'utf8'));
      expect(fixture.request).toEqual({
        method: 'POST',
        path: '/v2/servicerequest/accessorys',
        query: {},
        headers: expect.objectContaining({ 'content-type': 'multipart/form-data', 'x-auth-token': '[REDACTED]' }),
        body: { form_data: JSON.stringify({ accessFrom: 'message', contact: 'redacted@example.com' }), file: 'screen dump' },
      });
      expect(fixture.response).toMatchObject({ status: 200, body: { accessory_id } });
    } finally {
      await recording.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
