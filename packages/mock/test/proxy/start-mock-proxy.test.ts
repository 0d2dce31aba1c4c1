// Proxy mode through the HTTP door, `startMock({ proxy })`: requests checked by the mock's own steps
// (reported, or refused under `errors` without reaching the upstream), answers checked, violations in
// `x-osm-violations` and the access log, the drift report at GET /__osm/drift and in files at close,
// and redacted fixtures with `record`.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { leakIn } from '../support/leaks.js';
import { BIG, bigFile, type FakeOsm, MiB, PLANTED, startFakeOsm } from './support/fake-osm.js';

const TOKEN = 'caller-token-of-the-http-door-5555';
const AKSK = {
  accessKey: 'HTTPDOORAK0000000001',
  secretKey: 'http-door-secret-key-never-shown',
  domainId: 'http-door-domain-id-000000000000',
};
const SECRETS = [TOKEN, AKSK.accessKey, AKSK.secretKey, AKSK.domainId];

describe('startMock({ proxy })', () => {
  let osm: FakeOsm;
  let mock: RunningMock;
  let scratch: string;
  const log: string[] = [];
  beforeAll(async () => {
    osm = await startFakeOsm();
    scratch = mkdtempSync(join(tmpdir(), 'osm-proxy-'));
    mock = await startMock({
      port: 0,
      log: (line) => log.push(line),
      proxy: { url: osm.url, credentials: AKSK, report: join(scratch, 'drift.json'), record: join(scratch, 'fixtures') },
    });
  });
  afterAll(async () => {
    await mock?.close();
    await osm?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  const get = (ticket: string, headers: Record<string, string> = { 'X-Auth-Token': TOKEN }) =>
    fetch(`${mock.url}/v2/servicerequest/cases/${ticket}/status`, { headers });

  // Proxy mode sends no CORS headers unless `cors` allows an origin (hostile-callers.test.ts).
  test('a faithful answer comes through with no CORS headers and no violations header', async () => {
    const response = await get(PLANTED.clean, { 'X-Auth-Token': TOKEN });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 0 });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-osm-violations')).toBeNull();
    expect(osm.received.at(-1)!.headers['x-auth-token']).toBe(TOKEN);
  });

  test('planted drift is in the x-osm-violations header and in the access-log line', async () => {
    const response = await get(PLANTED.extraFields);
    expect(await response.json()).toEqual({ status: 1, priority: 'high', sla: { hours: 4 } });
    expect(JSON.parse(response.headers.get('x-osm-violations')!)).toMatchObject({ count: 2, kinds: { 'unknown-field': 2 } });
    await expect
      .poll(() => log.find((line) => line.includes(`/cases/${PLANTED.extraFields}/status`)))
      .toMatch(/-> 200 \(\d+ ms\) - 2 violations: unknown-field 2$/);
  });

  test('an invalid request is reported and still forwarded (without errors)', async () => {
    const before = osm.received.length;
    const response = await fetch(`${mock.url}/v2/servicerequest/cases?limit=1000`, { headers: { 'X-Auth-Token': TOKEN } });
    await response.arrayBuffer();
    expect(osm.received.length).toBe(before + 1);
    expect(JSON.parse(response.headers.get('x-osm-violations')!).kinds).toMatchObject({ 'invalid-request': 1 });
  });

  test("a request without credentials, or to a path OSM lacks, is answered by the mock's steps and never forwarded", async () => {
    const before = osm.received.length;
    expect((await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`)).status).toBe(401);
    expect((await fetch(`${mock.url}/v2/nothing-here`, { headers: { 'X-Auth-Token': TOKEN } })).status).toBe(404);
    expect(osm.received.length).toBe(before);
  });

  test("an AK/SK caller with placeholder credentials is re-signed (the upstream sees the proxy's AK)", async () => {
    const response = await get(PLANTED.clean, {
      Authorization: 'SDK-HMAC-SHA256 Access=placeholder, SignedHeaders=host, Signature=00',
      'X-Sdk-Date': '20240101T000000Z',
    });
    expect(response.status).toBe(200);
    expect(osm.received.at(-1)!.headers.authorization).toMatch(new RegExp(`^SDK-HMAC-SHA256 Access=${AKSK.accessKey}, `));
  });

  test('a 10 MiB download streams through the HTTP door: the client reads the first MiB before the upstream sends the rest', async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/accessorys/big`, { headers: { 'X-Auth-Token': TOKEN } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="big.bin"');
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    let released = false;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (!released && size >= MiB) {
        released = true;
        osm.download.release();
      }
    }
    expect(createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(bigFile().sha256);
    // Recorded as the fixture rules want a file: replaced by a note of its size.
    await expect
      .poll(() =>
        existsSync(join(scratch, 'fixtures', 'downloadAccessories')) ? readdirSync(join(scratch, 'fixtures', 'downloadAccessories')) : [],
      )
      .toHaveLength(1);
    const [file] = readdirSync(join(scratch, 'fixtures', 'downloadAccessories'));
    const fixture = JSON.parse(readFileSync(join(scratch, 'fixtures', 'downloadAccessories', file!), 'utf8'));
    expect(Buffer.from(fixture.response.body, 'base64').toString()).toBe(
      `binary body of ${BIG} bytes, not kept: it may hold personal data`,
    );
  });

  test('a download that breaks off after its head ends the connection (the client sees the body fail)', async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/accessorys/${PLANTED.brokenDownload}`, {
      headers: { 'X-Auth-Token': TOKEN },
    });
    expect(response.status).toBe(200);
    await expect(response.arrayBuffer()).rejects.toThrow();
    await expect.poll(() => log.find((line) => line.includes('not recorded: the answer did not arrive whole'))).toBeDefined();
  });

  test('GET /__osm/drift answers the report as JSON, and as Markdown', async () => {
    const json = (await (await fetch(`${mock.url}/__osm/drift`)).json()) as {
      operations: { operationId: string; drift: { kind: string }[] }[];
    };
    const status = json.operations.find((o) => o.operationId === 'showCaseStatus')!;
    expect(status.drift.map((d) => d.kind)).toEqual(['unknown-field', 'unknown-field']);
    expect(json.operations.find((o) => o.operationId === 'listCases')!.drift).toEqual([
      expect.objectContaining({ kind: 'invalid-request', where: 'request query parameter limit' }),
    ]);
    const markdown = await (await fetch(`${mock.url}/__osm/drift?format=markdown`)).text();
    expect(markdown).toContain('## showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status)');
    expect(mock.drift().exchanges).toBe(json.operations.reduce((n, o) => n + (o as unknown as { exchanges: number }).exchanges, 0));
  });

  test('failures of the upstream are gateway errors through the door too, without leaks', async () => {
    const response = await get(PLANTED.reset);
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ error_code: 'APIGW.0201' });
    expect(leakIn(text, true)).toBeUndefined();
  });

  test('a hostile upstream echoing credentials: none in the header, the log, the report or the fixtures', async () => {
    const echoed = [
      await get(PLANTED.echo),
      await get(PLANTED.echo, { Authorization: 'SDK-HMAC-SHA256 Access=placeholder, SignedHeaders=host, Signature=00' }),
    ];
    const headers = echoed.map((r) => r.headers.get('x-osm-violations')).join('\n');
    await Promise.all(echoed.map((r) => r.arrayBuffer()));
    const report = await (await fetch(`${mock.url}/__osm/drift`)).text();
    const markdown = await (await fetch(`${mock.url}/__osm/drift?format=markdown`)).text();
    // The echo with the token in a field's name cannot be redacted by the recorder's rules (they redact
    // values): the search for credentials finds it, and that fixture is not written, saying so in the log.
    await expect
      .poll(() => log.find((line) => line.includes('not recorded: redaction')))
      .toBe('osm-mock: not recorded: redaction failed: secret #1 of 4 is still in the fixture; nothing was written');
    await expect.poll(() => readdirSync(join(scratch, 'fixtures', 'showCaseStatus')).length).toBeGreaterThanOrEqual(1);
    const fixtures = readdirSync(join(scratch, 'fixtures'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
      .join('\n');
    const written = [headers, log.join('\n'), report, markdown, fixtures].join('\n');
    for (const secret of SECRETS) expect(written).not.toContain(secret);
    expect(written).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(written).not.toContain('13812345678');
    expect(fixtures).toContain('[REDACTED]');
  });

  test('fixtures are in the contract-test format', async () => {
    const folder = join(scratch, 'fixtures', 'showCaseStatus');
    const files = readdirSync(folder);
    expect(files.every((f) => /^proxy-\d{3}-\d{4}\.json$/.test(f))).toBe(true);
    const fixture = JSON.parse(readFileSync(join(folder, files.sort()[0]!), 'utf8'));
    expect(fixture).toMatchObject({
      operationId: 'showCaseStatus',
      case: files.sort()[0]!.replace(/\.json$/, ''),
      request: { method: 'GET', path: `/v2/servicerequest/cases/${PLANTED.clean}/status`, headers: { 'x-auth-token': '[REDACTED]' } },
      response: { status: 200, body: { status: 0 } },
    });
    expect(fixture.source).toMatch(/^recorded through osm-mock --proxy from http:\/\/127\.0\.0\.1:\d+ on \d{4}-\d{2}-\d{2}$/);
  });

  test('close() writes the report as JSON and Markdown', async () => {
    await mock.close();
    expect(mock.reportFiles).toEqual([join(scratch, 'drift.json'), join(scratch, 'drift.md')]);
    const report = JSON.parse(readFileSync(join(scratch, 'drift.json'), 'utf8'));
    expect(report.upstream).toBe(osm.url);
    expect(readFileSync(join(scratch, 'drift.md'), 'utf8')).toContain('# Drift: ');
  });
});

describe('startMock({ proxy: { errors: true } })', () => {
  let osm: FakeOsm;
  let mock: RunningMock;
  beforeAll(async () => {
    osm = await startFakeOsm();
    mock = await startMock({ port: 0, proxy: { url: osm.url, errors: true } });
  });
  afterAll(async () => {
    await mock?.close();
    await osm?.close();
  });

  test("an invalid request is refused with OSM's 400 and never reaches the upstream", async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/cases?limit=1000`, { headers: { 'X-Auth-Token': TOKEN } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error_code: 'OSM.0001', error_msg: expect.stringContaining('query parameter limit') });
    expect(JSON.parse(response.headers.get('x-osm-violations')!)).toMatchObject({ count: 1, kinds: { 'invalid-request': 1 } });
    expect(osm.received).toEqual([]);
    expect(mock.drift().operations[0]).toMatchObject({ operationId: 'listCases', statuses: { 400: 1 } });
  });

  test('a valid one goes through', async () => {
    expect(
      (await fetch(`${mock.url}/v2/servicerequest/cases/${PLANTED.clean}/status`, { headers: { 'X-Auth-Token': TOKEN } })).status,
    ).toBe(200);
    expect(osm.received).toHaveLength(1);
  });
});

describe('startMock({ proxy }) refuses what does not go with it', () => {
  test.each([
    [{ stateful: true }, 'stateful'],
    [{ dynamic: true }, 'dynamic'],
    [{ responder: () => undefined }, 'responder'],
    // The network conditions were silently ignored in proxy mode; now refused, naming each.
    [{ latency: 50 }, 'latency'],
    [{ faults: 0.1 }, 'faults'],
    [{ seed: 'x' }, 'seed'],
    [{ dynamic: true, latency: [1, 2] as const, seed: 'x' }, 'dynamic, latency, seed'],
  ])('%o', async (extra, named) => {
    await expect(startMock({ port: 0, proxy: 'http://127.0.0.1:9', ...extra })).rejects.toThrow(
      `proxy answers from the upstream: it does not go with ${named}`,
    );
  });

  test('drift() of a mock that is not a proxy throws, saying how', async () => {
    const mock = await startMock({ port: 0 });
    try {
      expect(() => mock.drift()).toThrow(/not a proxy/);
    } finally {
      await mock.close();
    }
  });
});
