// Credentials through the proxy: a token passes untouched; an AK/SK request is re-signed for the upstream
// with the proxy's own credentials (checked by an independent SDK-HMAC-SHA256 verifier); and a hostile
// upstream that echoes every credential it gets finds none of them in anything the proxy writes.
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { akSkFromEnv } from '../../src/proxy/credentials.js';
import { driftMarkdown } from '../../src/proxy/drift-markdown.js';
import { createProxy, type UpstreamProxy } from '../../src/proxy/proxy.js';
import { violationsLogPart } from '../../src/proxy/violations-header.js';
import { bodyOf, SHOW_CASE_STATUS, status, withProxy } from './support/exchange.js';
import { type FakeOsm, PLANTED, startFakeOsm } from './support/fake-osm.js';
import { verifySignature } from './support/verify-signature.js';

const spec = loadSpec();
const ENV = {
  OSM_AK: 'PROXYAK0123456789ABC',
  OSM_SK: 'proxy-secret-key-do-not-leak-42',
  OSM_DOMAIN_ID: 'd0ma1n1d0ma1n1d0ma1n1d0ma1n1aaaa',
  OSM_SECURITY_TOKEN: 'temp-security-token-zzz-777',
};
const CALLER_TOKEN = 'caller-token-must-not-leak-9876';
/** A caller's signature of its own (for the proxy's host), with placeholder credentials. */
const CALLER_SIGNED = {
  authorization:
    'SDK-HMAC-SHA256 Access=CALLERAKPLACEHOLDER, SignedHeaders=host;x-domain-id;x-sdk-date, Signature=0000000000000000000000000000000000000000000000000000000000000000',
  'x-sdk-date': '20240101T000000Z',
  'x-domain-id': 'caller-placeholder-domain',
};

describe('credentials through the proxy', () => {
  let osm: FakeOsm;
  let proxy: UpstreamProxy;
  beforeAll(async () => {
    osm = await startFakeOsm();
    proxy = createProxy(spec, { upstream: osm.url, credentials: akSkFromEnv(ENV) });
  });
  afterAll(async () => {
    proxy?.close();
    await osm?.close();
  });

  test('credentials come from OSM_AK, OSM_SK, OSM_DOMAIN_ID (and OSM_SECURITY_TOKEN); a partial set names what is missing, never a value', () => {
    expect(akSkFromEnv({})).toBeUndefined();
    expect(akSkFromEnv(ENV)).toEqual({
      accessKey: ENV.OSM_AK,
      secretKey: ENV.OSM_SK,
      domainId: ENV.OSM_DOMAIN_ID,
      securityToken: ENV.OSM_SECURITY_TOKEN,
    });
    expect(() => akSkFromEnv({ OSM_AK: 'an-access-key-value' })).toThrow(/set OSM_SK and OSM_DOMAIN_ID/);
    expect(() => akSkFromEnv({ OSM_AK: 'an-access-key-value' })).not.toThrow(/an-access-key-value/);
  });

  test('a token passes through untouched, and is not signed', async () => {
    await status(proxy, PLANTED.clean, { 'x-auth-token': CALLER_TOKEN });
    const got = osm.received.at(-1)!;
    expect(got.headers['x-auth-token']).toBe(CALLER_TOKEN);
    expect(got.headers.authorization).toBeUndefined();
  });

  test("an AK/SK request is re-signed with the proxy's credentials for the upstream host; the verifier accepts it", async () => {
    const url = '/v2/servicerequest/cases/CS%20A%2Fb*(1)/status?b=2&a=%E4%BD%A0&a=1&empty=&label_ids=1&label_ids=10';
    const answer = await proxy.exchange({
      operation: SHOW_CASE_STATUS,
      method: 'GET',
      url,
      headers: { host: 'proxy.local:4010', ...CALLER_SIGNED, 'x-language': 'en-us' },
    });
    await bodyOf(answer);
    const got = osm.received.at(-1)!;
    const verdict = verifySignature(got, ENV.OSM_SK);
    expect(verdict).toMatchObject({ ok: true, accessKey: ENV.OSM_AK });
    expect(verdict.ok && verdict.signedHeaders).toEqual(
      expect.arrayContaining(['host', 'x-sdk-date', 'x-domain-id', 'x-security-token', 'x-language']),
    );
    expect(got.headers['x-domain-id']).toBe(ENV.OSM_DOMAIN_ID);
    expect(got.headers['x-security-token']).toBe(ENV.OSM_SECURITY_TOKEN);
    expect(got.headers.host).toBe(new URL(osm.url).host);
    // The verifier can fail: the caller's own signature, or the right one with a changed byte, is refused.
    expect(verifySignature(got, 'another-secret').ok).toBe(false);
    expect(verifySignature({ ...got, url: got.url.replace('b=2', 'b=3') }, ENV.OSM_SK).ok).toBe(false);
  });

  test('a body is signed as sent (POST, JSON)', async () => {
    const body = Buffer.from(JSON.stringify({ business_type_id: 'bt-1', simple_description: 'Disk full', source_id: 'api' }));
    const answer = await proxy.exchange({
      operation: { operationId: 'createCases', method: 'post', pathTemplate: '/v2/servicerequest/cases' },
      method: 'POST',
      url: '/v2/servicerequest/cases',
      headers: { host: 'proxy.local', ...CALLER_SIGNED, 'content-type': 'application/json', 'content-length': '999' },
      body,
    });
    await bodyOf(answer);
    const got = osm.received.at(-1)!;
    expect(got.body.equals(body)).toBe(true);
    expect(got.headers['content-length']).toBe(String(body.byteLength));
    expect(verifySignature(got, ENV.OSM_SK)).toMatchObject({ ok: true });
  });

  test('a hostile upstream echoing every credential: none is in the header the proxy adds, its log part, the report or its Markdown', async () => {
    const withToken = await status(proxy, PLANTED.echo, { 'x-auth-token': CALLER_TOKEN });
    const signed = await status(proxy, PLANTED.echo, CALLER_SIGNED);
    for (const { answer } of [withToken, signed]) {
      expect(answer.violations.length).toBeGreaterThan(0);
      const added = String(answer.headers['x-osm-violations']);
      const written = [added, violationsLogPart(added), JSON.stringify(proxy.drift.report()), driftMarkdown(proxy.drift.report())].join(
        '\n',
      );
      for (const secret of [
        CALLER_TOKEN,
        ENV.OSM_AK,
        ENV.OSM_SK,
        ENV.OSM_DOMAIN_ID,
        ENV.OSM_SECURITY_TOKEN,
        Buffer.from(ENV.OSM_SK).toString('base64'),
      ]) {
        expect(written).not.toContain(secret);
      }
      expect(written).not.toMatch(/Signature=[0-9a-f]{64}/);
      expect(written).not.toContain('13812345678');
      expect(written).not.toContain('alice@example.org');
    }
    // The field whose name held the token is still reported, under a redacted name.
    const entries = proxy.drift.report().operations.find((o) => o.operationId === 'showCaseStatus')!.drift;
    expect(entries.map((e) => e.where)).toEqual(
      expect.arrayContaining([
        'response body field note_[REDACTED]',
        'response body field remind_mobile',
        'response body field contact_email',
      ]),
    );
    expect(entries.find((e) => e.where.endsWith('remind_mobile'))!.example).toBe('"00000000000"');
  });

  test("without the proxy's own credentials, an AK/SK request goes on as signed, and the caller's AK is kept out of all the proxy writes", async () => {
    const callerAk = 'CALLERREALACCESSKEY1';
    const authorization = `SDK-HMAC-SHA256 Access=${callerAk}, SignedHeaders=host;x-sdk-date, Signature=${'ab'.repeat(32)}`;
    const written = await withProxy({ upstream: osm.url }, async (passing) => {
      const { answer } = await status(passing, PLANTED.echo, { authorization, 'x-sdk-date': '20240101T000000Z' });
      return [
        String(answer.headers['x-osm-violations']),
        JSON.stringify(passing.drift.report()),
        driftMarkdown(passing.drift.report()),
      ].join('\n');
    });
    expect(osm.received.at(-1)!.headers.authorization).toBe(authorization);
    expect(written).not.toContain(callerAk);
  });

  test('a value too short to be a credential (a test\'s token "t") is not searched for: the report stays readable', async () => {
    const report = await withProxy({ upstream: osm.url }, async (plain) => {
      await status(plain, PLANTED.extraFields, { 'x-auth-token': 't' });
      return plain.drift.report();
    });
    expect(report.operations[0]!.drift.map((e) => `${e.where} ${e.rule}`)).toEqual([
      'response body field priority is not in the spec',
      'response body field sla is not in the spec',
    ]);
  });
});
