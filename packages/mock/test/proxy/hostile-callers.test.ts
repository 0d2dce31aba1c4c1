// Proxy mode against hostile callers, over real HTTP on 127.0.0.1: the proxy signs with the user's AK/SK,
// so a web page on another origin, a page on a domain rebound to 127.0.0.1, or a path the URL parser
// rewrites must never get a signed request to OSM out of it. The upstream here is hostile too: it
// answers every path, with CORS headers of its own that must not reach a page.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { createProxy } from '../../src/proxy/proxy.js';
import { type RawAnswer, rawRequest } from '../support/raw-http.js';
import type { Received } from './support/fake-osm.js';
import { verifySignature } from './support/verify-signature.js';

const AKSK = {
  accessKey: 'HOSTILEAK00000000001',
  secretKey: 'hostile-callers-secret-key-000001',
  domainId: 'hostile-callers-domain-id-0000001',
};
/** A caller's AK/SK request with placeholder credentials: the proxy re-signs it with its own. */
const SIGNED = { Authorization: 'SDK-HMAC-SHA256 Access=placeholder, SignedHeaders=host, Signature=00', 'X-Sdk-Date': '20240101T000000Z' };
const STATUS = '/v2/servicerequest/cases/CS-1/status';

/** An upstream answering `{"status":0}` to anything, with permissive CORS headers, keeping what it got. */
async function startHostileUpstream(): Promise<{ url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res
        .writeHead(200, {
          'content-type': 'application/json',
          'access-control-allow-origin': '*',
          'access-control-allow-credentials': 'true',
          'access-control-allow-headers': '*',
        })
        .end('{"status":0}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A CORS preflight from `origin` for a GET with `headers`. */
const preflight = (port: number, origin: string, headers: string) =>
  rawRequest(port, 'OPTIONS', STATUS, {
    Origin: origin,
    'Access-Control-Request-Method': 'GET',
    'Access-Control-Request-Headers': headers,
  });

const corsOf = (answer: RawAnswer) => Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'));

describe('proxy mode refuses web pages and rebound names (confused deputy)', () => {
  let upstream: Awaited<ReturnType<typeof startHostileUpstream>>;
  let proxy: RunningMock;
  let allowing: RunningMock;
  beforeAll(async () => {
    upstream = await startHostileUpstream();
    proxy = await startMock({ port: 0, proxy: { url: upstream.url, credentials: AKSK } });
    // Written as a user might: the origin is normalized (case, default port, a trailing slash).
    allowing = await startMock({ port: 0, proxy: { url: upstream.url, credentials: AKSK, cors: ['HTTPS://App.Example:443/'] } });
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await allowing?.close();
    await upstream?.close();
  });

  test('a request without Origin (the client, curl) is re-signed and forwarded, and gets no CORS headers', async () => {
    const before = upstream.received.length;
    const answer = await rawRequest(proxy.port, 'GET', STATUS, SIGNED);
    expect(answer.status).toBe(200);
    expect(corsOf(answer)).toEqual([]);
    expect(upstream.received.length).toBe(before + 1);
    expect(verifySignature(upstream.received.at(-1)!, AKSK.secretKey)).toMatchObject({ ok: true, accessKey: AKSK.accessKey });
  });

  test('a signed request from a page of another origin is refused with 403, without CORS headers, and never forwarded', async () => {
    const before = upstream.received.length;
    for (const origin of ['https://evil.example', 'null', 'http://localhost:1234']) {
      const answer = await rawRequest(proxy.port, 'GET', STATUS, { ...SIGNED, Origin: origin });
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'OSM.0003' });
      expect(corsOf(answer)).toEqual([]);
    }
    // A POST a page could send without a preflight, and the drift report: refused alike.
    const post = await rawRequest(proxy.port, 'POST', '/v2/servicerequest/cases', {
      Origin: 'https://evil.example',
      'Content-Type': 'text/plain',
    });
    expect(post.status).toBe(403);
    expect((await rawRequest(proxy.port, 'GET', '/__osm/drift', { Origin: 'https://evil.example' })).status).toBe(403);
    expect(upstream.received.length).toBe(before);
  });

  test('a preflight is refused (403, no CORS headers), whatever it asks for', async () => {
    const answer = await preflight(proxy.port, 'https://evil.example', 'authorization, x-sdk-date');
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'OSM.0003' });
    expect(corsOf(answer)).toEqual([]);
  });

  test("a no-cors request a browser marks as another site's (no Origin) is refused", async () => {
    const before = upstream.received.length;
    const answer = await rawRequest(proxy.port, 'GET', STATUS, { ...SIGNED, 'Sec-Fetch-Site': 'cross-site' });
    expect(answer.status).toBe(403);
    expect(upstream.received.length).toBe(before);
  });

  test('DNS rebinding: a Host that is not the proxy is refused; localhost, 127.0.0.1 and [::1] at its port are served', async () => {
    const before = upstream.received.length;
    for (const host of [
      `attacker.example:${proxy.port}`,
      'localhost',
      `127.0.0.1:${proxy.port + 1}`,
      `localhost.attacker.example:${proxy.port}`,
    ]) {
      const answer = await rawRequest(proxy.port, 'GET', STATUS, { ...SIGNED, Host: host });
      expect(answer.status, host).toBe(403);
      expect(corsOf(answer)).toEqual([]);
    }
    expect((await rawRequest(proxy.port, 'GET', '/__osm/drift', { Host: `rebound.example:${proxy.port}` })).status).toBe(403);
    expect(upstream.received.length).toBe(before);
    for (const host of [`localhost:${proxy.port}`, `127.0.0.1:${proxy.port}`, `[::1]:${proxy.port}`, `LOCALHOST:${proxy.port}`]) {
      expect((await rawRequest(proxy.port, 'GET', STATUS, { ...SIGNED, Host: host })).status, host).toBe(200);
    }
  });

  test("the upstream's own CORS headers never reach the caller", async () => {
    const answer = await rawRequest(proxy.port, 'GET', STATUS, { 'X-Auth-Token': 'caller-token-000001' });
    expect(answer.status).toBe(200);
    expect(corsOf(answer)).toEqual([]);
  });

  test('cors: an allowed origin gets its preflight and CORS headers; any other origin is still refused', async () => {
    const allowed = await preflight(allowing.port, 'https://app.example', 'x-auth-token');
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({
      'access-control-allow-origin': 'https://app.example',
      'access-control-allow-methods': 'GET',
      'access-control-allow-headers': 'x-auth-token',
    });
    const answer = await rawRequest(allowing.port, 'GET', STATUS, { 'X-Auth-Token': 'caller-token-000001', Origin: 'https://app.example' });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('https://app.example');
    expect(answer.headers['access-control-allow-headers']).toBeUndefined();
    const evil = await rawRequest(allowing.port, 'GET', STATUS, { ...SIGNED, Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(corsOf(evil)).toEqual([]);
  });

  test('cors takes origins only', async () => {
    for (const cors of [['*'], ['https://app.example/path'], ['app.example'], ['https://app.example?x'], ['file:///x']])
      await expect(startMock({ port: 0, proxy: { url: upstream.url, cors } })).rejects.toThrow(/cors takes origins/);
  });
});

describe('proxy mode forwards the path it routed and checked (path escape)', () => {
  let upstream: Awaited<ReturnType<typeof startHostileUpstream>>;
  let proxy: RunningMock;
  beforeAll(async () => {
    upstream = await startHostileUpstream();
    proxy = await startMock({ port: 0, proxy: { url: upstream.url, credentials: AKSK } });
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await upstream?.close();
  });

  test('backslashes and dot segments that climb out of OSM are routed where the URL parser puts them: 404, never forwarded', async () => {
    const before = upstream.received.length;
    for (const path of [
      '/v2/servicerequest/cases/x\\..\\..\\..\\..\\v3\\auth\\projects',
      '/v2/servicerequest/cases/x/%2e%2e/%2E%2E/..%2f../.%2e/.%2e/v3/auth/projects',
      '/v2/servicerequest/cases/x\\%2e%2e\\%2e%2e\\%2e%2e\\%2e%2e\\v3\\auth\\projects',
    ]) {
      const answer = await rawRequest(proxy.port, 'GET', path, SIGNED);
      expect(answer.status, path).toBe(404);
      expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'APIGW.0101' });
    }
    expect(upstream.received.length).toBe(before);
  });

  test('a path the parser rewrites into an operation is routed, checked, signed and sent as that one path', async () => {
    const answer = await rawRequest(proxy.port, 'GET', '/v2/servicerequest/cases/x\\..\\CS-2\\status', SIGNED);
    expect(answer.status).toBe(200);
    const sent = upstream.received.at(-1)!;
    expect(sent.url).toBe('/v2/servicerequest/cases/CS-2/status');
    expect(verifySignature(sent, AKSK.secretKey)).toMatchObject({ ok: true });
  });

  test("the forward step's guard: a path the URL parser would change is not sent", () => {
    const guarded = createProxy(loadSpec(), { upstream: `${upstream.url}/base/` });
    try {
      expect(guarded.sends('/v2/servicerequest/cases/CS-1/status', 'a=1')).toBe('/v2/servicerequest/cases/CS-1/status?a=1');
      expect(guarded.sends('/v2/servicerequest/cases/a%2Fb/status', '')).toBe('/v2/servicerequest/cases/a%2Fb/status');
      for (const path of ['/v2/x\\..\\..\\v3', '/v2/x/../../v3', '/v2/x/%2e%2e/v3', '/v2/a b', '/v2/ü'])
        expect(guarded.sends(path, ''), path).toBeUndefined();
    } finally {
      guarded.close();
    }
  });
});
