// Signing vectors: the canonical request of each case is derived by hand from the algorithm and written
// out literally; the string to sign is written out around the canonical request's SHA-256, and the
// expected signature is computed here with node:crypto - not by the code under test.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { akSkAuth, createOsmClient } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';
import { authorize } from '../support/sign.js';
import { hmac, sha256 } from './verifier.js';

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'sk-example-0123456789abcdefghijklmnopqrstuv';
const DOMAIN = '0970d7b7d400f2470fbec00316a03560';
const DATE = '20240102T030405Z';
const EMPTY_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function expectedAuthorization(canonicalRequest: string, signedHeaders: string): string {
  const stringToSign = `SDK-HMAC-SHA256\n${DATE}\n${sha256(canonicalRequest)}`;
  return `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${signedHeaders}, Signature=${hmac(SK, stringToSign)}`;
}

/** Signs one request, as the client's transport would. */
function sign(request: Request, securityToken?: string): Promise<Request> {
  return authorize(akSkAuth({ accessKey: AK, secretKey: SK, domainId: DOMAIN, securityToken }), request);
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2024-01-02T03:04:05.678Z'), toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('requests the client builds (X-Site: 1, the default at the international endpoint, is signed too)', () => {
  test('GET with a comma-list query: parameters sorted by name, the comma encoded, empty body', async () => {
    const fake = fakeFetch(() => json({}));
    const client = createOsmClient({ fetch: fake.fetch, auth: akSkAuth({ accessKey: AK, secretKey: SK, domainId: DOMAIN }) });
    await client.GET('/v2/servicerequest/cases', { params: { query: { search_key: ['a b', 'c'], limit: 10, offset: 0 } } });

    const sent = fake.requests[0]!;
    expect(sent.url).toBe('https://osm.ap-southeast-3.myhuaweicloud.com/v2/servicerequest/cases?search_key=a%20b,c&limit=10&offset=0');
    const canonical = [
      'GET',
      '/v2/servicerequest/cases/',
      'limit=10&offset=0&search_key=a%20b%2Cc',
      'host:osm.ap-southeast-3.myhuaweicloud.com',
      `x-domain-id:${DOMAIN}`,
      `x-sdk-date:${DATE}`,
      'x-site:1',
      '',
      'host;x-domain-id;x-sdk-date;x-site',
      EMPTY_HASH,
    ].join('\n');
    expect(sent.headers.get('x-sdk-date')).toBe(DATE);
    expect(sent.headers.get('authorization')).toBe(expectedAuthorization(canonical, 'host;x-domain-id;x-sdk-date;x-site'));
  });

  test('POST with JSON, a non-ASCII path parameter with reserved characters, X-Language and a security token', async () => {
    const fake = fakeFetch(() => json({}));
    const client = createOsmClient({
      fetch: fake.fetch,
      language: 'en-us',
      auth: akSkAuth({ accessKey: AK, secretKey: SK, domainId: DOMAIN, securityToken: 'SECURITY-TOKEN' }),
    });
    await client.POST('/v2/servicerequest/cases/{case_id}/message', {
      params: { path: { case_id: "工单 (1)*'" } },
      body: { message: { content: 'hi' } },
    });

    const sent = fake.requests[0]!;
    const body = '{"message":{"content":"hi"}}';
    expect(await sent.text()).toBe(body);
    const signedHeaders = 'content-type;host;x-domain-id;x-language;x-sdk-date;x-security-token;x-site';
    const canonical = [
      'POST',
      '/v2/servicerequest/cases/%E5%B7%A5%E5%8D%95%20%281%29%2A%27/message/',
      '',
      'content-type:application/json',
      'host:osm.ap-southeast-3.myhuaweicloud.com',
      `x-domain-id:${DOMAIN}`,
      'x-language:en-us',
      `x-sdk-date:${DATE}`,
      'x-security-token:SECURITY-TOKEN',
      'x-site:1',
      '',
      signedHeaders,
      sha256(body),
    ].join('\n');
    expect(sent.headers.get('x-security-token')).toBe('SECURITY-TOKEN');
    expect(sent.headers.get('authorization')).toBe(expectedAuthorization(canonical, signedHeaders));
  });

  test('a projectId is sent and signed as X-Project-Id; at a mainland region no X-Site is sent', async () => {
    const fake = fakeFetch(() => json({}));
    const client = createOsmClient({
      fetch: fake.fetch,
      region: 'cn-south-1',
      auth: akSkAuth({ accessKey: AK, secretKey: SK, domainId: DOMAIN, projectId: 'e9993fc787d94b6c886cbaa340f9c0f4' }),
    });
    await client.GET('/v2/servicerequest/config/regions');

    const sent = fake.requests[0]!;
    const signedHeaders = 'host;x-domain-id;x-project-id;x-sdk-date';
    const canonical = [
      'GET',
      '/v2/servicerequest/config/regions/',
      '',
      'host:osm.cn-south-1.myhuaweicloud.com',
      `x-domain-id:${DOMAIN}`,
      'x-project-id:e9993fc787d94b6c886cbaa340f9c0f4',
      `x-sdk-date:${DATE}`,
      '',
      signedHeaders,
      EMPTY_HASH,
    ].join('\n');
    expect(sent.headers.get('x-project-id')).toBe('e9993fc787d94b6c886cbaa340f9c0f4');
    expect(sent.headers.has('x-site')).toBe(false);
    expect(sent.headers.get('authorization')).toBe(expectedAuthorization(canonical, signedHeaders));
  });
});

describe('requests of any shape', () => {
  test('repeated, empty, valueless, non-ASCII and plus-encoded query values; a port; a trailing slash; a padded header', async () => {
    const request = new Request('https://osm.example.com:8443/v2/x/?b=2&a=3&a=1&a=&c&%C3%A9=%E2%82%AC&sp=%20+', {
      headers: { 'X-Custom': '  padded  ' },
    });
    const signed = await sign(request);
    const canonical = [
      'GET',
      '/v2/x/',
      'a=&a=1&a=3&b=2&c=&sp=%20%20&%C3%A9=%E2%82%AC',
      'host:osm.example.com:8443',
      'x-custom:padded',
      `x-domain-id:${DOMAIN}`,
      `x-sdk-date:${DATE}`,
      '',
      'host;x-custom;x-domain-id;x-sdk-date',
      EMPTY_HASH,
    ].join('\n');
    expect(signed.headers.get('authorization')).toBe(expectedAuthorization(canonical, 'host;x-custom;x-domain-id;x-sdk-date'));
  });

  test('the default port is left out of host; X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD replaces the body hash', async () => {
    const request = new Request('https://osm.example.com:443/v2/servicerequest/labels/7', {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain', 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' },
      body: 'not hashed',
    });
    const signed = await sign(request);
    const signedHeaders = 'content-type;host;x-domain-id;x-sdk-content-sha256;x-sdk-date';
    const canonical = [
      'PUT',
      '/v2/servicerequest/labels/7/',
      '',
      'content-type:text/plain',
      'host:osm.example.com',
      `x-domain-id:${DOMAIN}`,
      'x-sdk-content-sha256:UNSIGNED-PAYLOAD',
      `x-sdk-date:${DATE}`,
      '',
      signedHeaders,
      'UNSIGNED-PAYLOAD',
    ].join('\n');
    expect(signed.headers.get('authorization')).toBe(expectedAuthorization(canonical, signedHeaders));
    expect(await signed.text()).toBe('not hashed');
  });

  test('a multipart body is hashed byte for byte, boundary and all', async () => {
    const body = '--XyZ\r\nContent-Disposition: form-data; name="form_data"\r\n\r\n{"accessFrom":"message"}\r\n--XyZ--\r\n';
    const request = new Request('https://osm.ap-southeast-3.myhuaweicloud.com/v2/servicerequest/accessorys', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=XyZ' },
      body,
    });
    const signed = await sign(request);
    const canonical = [
      'POST',
      '/v2/servicerequest/accessorys/',
      '',
      'content-type:multipart/form-data; boundary=XyZ',
      'host:osm.ap-southeast-3.myhuaweicloud.com',
      `x-domain-id:${DOMAIN}`,
      `x-sdk-date:${DATE}`,
      '',
      'content-type;host;x-domain-id;x-sdk-date',
      sha256(body),
    ].join('\n');
    expect(signed.headers.get('authorization')).toBe(expectedAuthorization(canonical, 'content-type;host;x-domain-id;x-sdk-date'));
    expect(await signed.text()).toBe(body);
  });

  test('an Authorization header already on the request is replaced, not signed', async () => {
    const signed = await sign(new Request('https://osm.example.com/v2/x', { headers: { Authorization: 'Bearer stale' } }));
    const canonical = [
      'GET',
      '/v2/x/',
      '',
      'host:osm.example.com',
      `x-domain-id:${DOMAIN}`,
      `x-sdk-date:${DATE}`,
      '',
      'host;x-domain-id;x-sdk-date',
      EMPTY_HASH,
    ].join('\n');
    expect(signed.headers.get('authorization')).toBe(expectedAuthorization(canonical, 'host;x-domain-id;x-sdk-date'));
  });
});
