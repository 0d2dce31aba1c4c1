import { describe, expect, test } from 'vitest';
import { createOsmClient, type OsmClientOptions } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

async function firstRequest(options: OsmClientOptions, header?: Record<string, string | number>) {
  const fake = fakeFetch(() => json({}));
  const client = createOsmClient({ ...options, fetch: fake.fetch });
  await client.GET('/v2/servicerequest/config/regions', header ? { params: { header } } : undefined);
  return fake.requests[0]!;
}

describe('endpoint', () => {
  test('defaults to the ap-southeast-3 endpoint', async () => {
    expect((await firstRequest({})).url).toBe('https://osm.ap-southeast-3.myhuaweicloud.com/v2/servicerequest/config/regions');
  });
  test('region picks osm.{region}.myhuaweicloud.com', async () => {
    expect((await firstRequest({ region: 'cn-north-4' })).url).toBe(
      'https://osm.cn-north-4.myhuaweicloud.com/v2/servicerequest/config/regions',
    );
  });
  test('baseUrl wins over region, with or without a trailing slash', async () => {
    expect((await firstRequest({ region: 'x', baseUrl: 'http://127.0.0.1:4010/' })).url).toBe(
      'http://127.0.0.1:4010/v2/servicerequest/config/regions',
    );
  });
});

describe('default headers', () => {
  test('language, timeZone, site and userAgent go on every request', async () => {
    const sent = await firstRequest({ language: 'en-us', timeZone: 'GMT+8', site: 1, userAgent: 'ticket-bot/2.0' });
    expect([...sent.headers]).toEqual([
      ['user-agent', 'ticket-bot/2.0'],
      ['x-language', 'en-us'],
      ['x-site', '1'],
      ['x-time-zone', 'GMT+8'],
    ]);
  });
  test("a call's own header parameters win", async () => {
    const sent = await firstRequest({ language: 'en-us', site: 1 }, { 'X-Language': 'zh-cn', 'X-Site': 0 });
    expect(sent.headers.get('x-language')).toBe('zh-cn');
    expect(sent.headers.get('x-site')).toBe('0');
  });
  test("by default only X-Site: 1 is sent: the default endpoint is the international site's", async () => {
    expect([...(await firstRequest({})).headers]).toEqual([['x-site', '1']]);
    expect([...(await firstRequest({ baseUrl: 'http://127.0.0.1:4010' })).headers]).toEqual([['x-site', '1']]);
  });
  test.each([
    ['a cn-* region', { region: 'cn-south-1' }],
    ['a cn-* region with its own baseUrl (a proxy)', { region: 'cn-south-1', baseUrl: 'http://127.0.0.1:4010' }],
    ['a myhuaweicloud.cn endpoint', { baseUrl: 'https://osm.cn-south-1.myhuaweicloud.cn' }],
    ['an osm.cn-*.myhuaweicloud.com endpoint', { baseUrl: 'https://osm.cn-north-4.myhuaweicloud.com' }],
  ])('at %s nothing is sent that was not asked for (no X-Site: OSM takes 0, the mainland site)', async (_, options) => {
    expect([...(await firstRequest(options)).headers]).toEqual([]);
  });
  test('site: 0 is sent as asked, wherever', async () => {
    expect((await firstRequest({ site: 0 })).headers.get('x-site')).toBe('0');
  });
});

test('without a fetch option, the global fetch is used, looked up at call time', async () => {
  const original = globalThis.fetch;
  const client = createOsmClient();
  const fake = fakeFetch(() => json({ ok: true }));
  // The global fetch is called as fetch(url, init); the fake records the Request those make.
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => fake.fetch(new Request(input, init))) as typeof fetch;
  try {
    expect((await client.GET('/v2/servicerequest/config/regions')).data).toEqual({ ok: true });
  } finally {
    globalThis.fetch = original;
  }
});
