// The proxy's exchange against a fake OSM with planted drift, without an HTTP front door: each planted
// answer is reported as exactly its kind and place, failures of the upstream are OSM's gateway errors,
// large bodies stream through, and no credential reaches anything the proxy writes.

import { type AddressInfo, createServer } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { driftMarkdown } from '../../src/proxy/drift-markdown.js';
import { createProxy, type UpstreamProxy } from '../../src/proxy/proxy.js';
import { DOWNLOAD, status, withProxy } from './support/exchange.js';
import { bigFile, type FakeOsm, MiB, PLANTED, startFakeOsm } from './support/fake-osm.js';

const spec = loadSpec();

describe('createProxy() against a fake OSM with planted drift', () => {
  let osm: FakeOsm;
  let proxy: UpstreamProxy;
  beforeAll(async () => {
    osm = await startFakeOsm();
    proxy = createProxy(spec, { upstream: osm.url, timeouts: { headTimeoutMs: 20_000 } });
  });
  afterAll(async () => {
    proxy?.close();
    await osm?.close();
  });

  test('a faithful answer passes unchanged, with no violations header', async () => {
    const { answer, json } = await status(proxy, PLANTED.clean);
    expect(answer.status).toBe(200);
    expect(json()).toEqual({ status: 0 });
    expect(answer.violations).toEqual([]);
    expect(answer.headers['x-osm-violations']).toBeUndefined();
    expect(answer.headers['x-request-id']).toBe('fake-request-1');
  });

  test.each([
    [
      PLANTED.extraFields,
      [
        ['unknown-field', 'response body field priority'],
        ['unknown-field', 'response body field sla'],
      ],
    ],
    [PLANTED.wrongType, [['wrong-type', 'response body field status']]],
    [PLANTED.outOfRange, [['out-of-range', 'response body field status']]],
    [PLANTED.missingRequired, [['missing-required', 'response body field error_msg']]],
    [PLANTED.unknownCode, [['unknown-error-code', 'response body field error_code']]],
    [PLANTED.unlistedStatus, [['unlisted-status', 'response status']]],
    [PLANTED.unlistedType, [['unlisted-content-type', 'response content type']]],
    [PLANTED.gatewayError, []],
  ])('%s is reported as exactly its planted drift', async (ticket, expected) => {
    const { answer } = await status(proxy, ticket);
    expect(answer.violations.map((v) => [v.kind, v.where]).sort()).toEqual([...expected].sort());
    if (expected.length) {
      const header = JSON.parse(String(answer.headers['x-osm-violations'])) as { count: number; kinds: Record<string, number> };
      expect(header.count).toBe(expected.length);
      expect(Object.keys(header.kinds).sort()).toEqual([...new Set(expected.map(([kind]) => kind))].sort());
    }
  });

  test("an x-osm-violations header of the upstream's own is replaced by the proxy's finding", async () => {
    const { answer } = await withProxy({ upstream: osm.url }, (own) => status(own, PLANTED.spoofedFindings));
    expect(JSON.parse(String(answer.headers['x-osm-violations']))).toMatchObject({ count: 1, kinds: { 'unknown-field': 1 } });
  });

  test('the answer passes through as the upstream gave it, drift or not', async () => {
    const { answer, json } = await status(proxy, PLANTED.extraFields);
    expect(json()).toEqual({ status: 1, priority: 'high', sla: { hours: 4 } });
    expect(answer.headers['content-type']).toBe('application/json;charset=UTF-8');
  });

  test('a 10 MiB download streams through: the client has the first MiB before the upstream sends the rest', async () => {
    const answer = await proxy.exchange({
      operation: DOWNLOAD,
      method: 'GET',
      url: '/v2/servicerequest/accessorys/big',
      headers: { host: 'proxy.local', 'x-auth-token': 't' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toBeInstanceOf(Uint8Array);
    const chunks: Buffer[] = [];
    let size = 0;
    let released = false;
    for await (const chunk of answer.body as AsyncIterable<Uint8Array>) {
      chunks.push(Buffer.from(chunk));
      size += chunk.byteLength;
      if (!released && size >= MiB) {
        released = true;
        osm.download.release();
      }
    }
    const { sha256 } = bigFile();
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(sha256);
    expect(answer.violations).toEqual([]);
    expect(answer.bodyChecked).toBe(false);
  });

  test('a JSON body over the checked size streams through unchecked (its status and type still checked)', async () => {
    const { answer, body } = await status(proxy, PLANTED.bigJson);
    expect(answer.status).toBe(200);
    expect(body.byteLength).toBeGreaterThan(10 * MiB);
    expect(answer.bodyChecked).toBe(false);
    expect(answer.violations).toEqual([]);
  });

  test("a resetting upstream is OSM's gateway error 502 APIGW.0201, before and during the body", async () => {
    for (const ticket of [PLANTED.reset, PLANTED.resetMidBody]) {
      const { answer, json } = await status(proxy, ticket);
      expect(answer.status).toBe(502);
      expect(json()).toMatchObject({ error_code: 'APIGW.0201' });
      expect(String(json().error_msg)).toMatch(/^Backend unavailable: /);
      expect(answer.upstreamFailure).toBeDefined();
    }
  });

  test('an upstream URL that is not http(s), or holds credentials, is refused when the proxy is made (naming no credential)', () => {
    expect(() => createProxy(spec, { upstream: 'ftp://example.com' })).toThrow(/must be an http: or https: URL/);
    expect(() => createProxy(spec, { upstream: 'https://user:s3cret-password@example.com' })).toThrow(/must not hold credentials/);
    expect(() => createProxy(spec, { upstream: 'https://user:s3cret-password@example.com' })).not.toThrow(/s3cret/);
  });

  test('a response head over 64 KB, or an answer that is not HTTP, is 502 APIGW.0201', async () => {
    const huge = await status(proxy, PLANTED.hugeHead);
    expect(huge.answer.status).toBe(502);
    expect(huge.json()).toMatchObject({ error_code: 'APIGW.0201', error_msg: expect.stringContaining('larger than 64 KB') });
    const garbage = createServer((socket) => socket.end('this is not HTTP\r\n\r\n'));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    try {
      const { answer, json } = await withProxy({ upstream: `http://127.0.0.1:${(garbage.address() as AddressInfo).port}` }, (broken) =>
        status(broken, PLANTED.clean),
      );
      expect(answer.status).toBe(502);
      expect(json()).toMatchObject({ error_code: 'APIGW.0201', error_msg: expect.stringContaining('not well-formed HTTP') });
    } finally {
      garbage.close();
    }
  });

  test('an unreachable upstream is 502 APIGW.0201', async () => {
    const { answer, json } = await withProxy({ upstream: 'http://127.0.0.1:9' }, (closed) => status(closed, PLANTED.clean));
    expect(answer.status).toBe(502);
    expect(json()).toMatchObject({ error_code: 'APIGW.0201' });
    expect(JSON.stringify(json())).not.toMatch(/127\.0\.0\.1|\n\s+at /);
  });

  test('a silent upstream is 504 APIGW.0201 once the wait is over, never a hang', async () => {
    const { answer, json } = await withProxy({ upstream: osm.url, timeouts: { headTimeoutMs: 300 } }, (impatient) =>
      status(impatient, PLANTED.slow),
    );
    expect(answer.status).toBe(504);
    expect(json()).toMatchObject({ error_code: 'APIGW.0201' });
  });

  test('an upstream that stalls in the middle of a body is 504 APIGW.0201 once it has been silent too long', async () => {
    const { answer, json } = await withProxy({ upstream: osm.url, timeouts: { idleTimeoutMs: 300 } }, (impatient) =>
      status(impatient, PLANTED.stallMidBody),
    );
    expect(answer.status).toBe(504);
    expect(json()).toMatchObject({ error_code: 'APIGW.0201' });
  });

  test("an answer compressed against the proxy's wish passes through as it came, its body not checked", async () => {
    const { answer, body } = await status(proxy, PLANTED.gzipped);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(body).toString())).toEqual({ status: 'not checked' });
    expect(answer.bodyChecked).toBe(false);
    expect(answer.violations).toEqual([]);
  });

  test('memory held for checks is bounded over all exchanges: past the budget, a body streams through unchecked', async () => {
    const { answer, json, report } = await withProxy({ upstream: osm.url, maxHeldBytes: 8 }, async (frugal) => ({
      ...(await status(frugal, PLANTED.extraFields)),
      report: frugal.drift.report(),
    }));
    expect(json()).toEqual({ status: 1, priority: 'high', sla: { hours: 4 } });
    expect(answer.bodyChecked).toBe(false);
    expect(answer.violations).toEqual([]);
    expect(report.operations[0]).toMatchObject({ bodiesNotChecked: 1 });
  });

  test('hop-by-hop headers are not forwarded; the upstream gets its own Host and an uncompressed answer', async () => {
    await status(proxy, PLANTED.clean, {
      'x-auth-token': 'tok',
      connection: 'keep-alive, x-private',
      'x-private': 'secret-hop',
      'keep-alive': 'timeout=5',
      te: 'trailers',
      'accept-encoding': 'gzip',
      'x-language': 'en-us',
    });
    const got = osm.received.at(-1)!;
    expect(got.headers.host).toBe(new URL(osm.url).host);
    expect(got.headers['x-private']).toBeUndefined();
    expect(got.headers['keep-alive']).toBeUndefined();
    expect(got.headers.te).toBeUndefined();
    expect(got.headers['accept-encoding']).toBe('identity');
    expect(got.headers['x-language']).toBe('en-us');
    expect(got.headers['x-auth-token']).toBe('tok');
  });

  test('the report counts every planted drift per operation, with a first example', () => {
    const report = proxy.drift.report();
    const operation = report.operations.find((o) => o.operationId === 'showCaseStatus')!;
    const places = operation.drift.map((e) => `${e.kind} ${e.where}`);
    expect(places.sort()).toEqual(
      [
        'unknown-field response body field priority',
        'unknown-field response body field sla',
        'wrong-type response body field status',
        'out-of-range response body field status',
        'missing-required response body field error_msg',
        'unknown-error-code response body field error_code',
        'unlisted-status response status',
        'unlisted-content-type response content type',
      ].sort(),
    );
    expect(operation.drift.find((e) => e.where === 'response body field priority')).toMatchObject({ count: 2, example: '"high"' });
    expect(operation.drift.find((e) => e.kind === 'unknown-error-code')).toMatchObject({ example: '"OSM.01019999"' });
    expect(operation.drift.find((e) => e.kind === 'missing-required')).toMatchObject({ example: '{"error_code":"OSM.01010015"}' });
    expect(operation.upstreamFailures).toBe(3); // the resets before and during the body, the head over 64 KB (the others had proxies of their own)
    const markdown = driftMarkdown(report);
    expect(markdown).toContain('## showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status)');
    expect(markdown).toContain('add `priority` to the response schema');
    expect(markdown).toContain('add "OSM.01019999" to spec/error-codes.yaml');
    expect(markdown).toContain('spec/ERRATA.md');
  });
});
