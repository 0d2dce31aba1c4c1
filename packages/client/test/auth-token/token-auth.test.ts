import { describe, expect, test, vi } from 'vitest';
import { createOsmClient, type RefreshableTokenSource, type TokenContext, tokenAuth } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const STATUS = '/v2/servicerequest/cases/{case_id}/status';
const unauthorized = () => json({ error_code: 'OSM.0002', error_msg: 'Unauthorized' }, { status: 401 });

describe('static token', () => {
  test('{ token } sends X-Auth-Token with every request', async () => {
    const fake = fakeFetch(() => json({ status: 1 }));
    const client = createOsmClient({ fetch: fake.fetch, auth: { token: 'static-token' } });
    await client.GET(STATUS, { params: { path: { case_id: 'a' } } });
    await client.GET(STATUS, { params: { path: { case_id: 'b' } } });
    expect(fake.requests.map((r) => r.headers.get('x-auth-token'))).toEqual(['static-token', 'static-token']);
  });

  test('tokenAuth(token) is the same as the shorthand, and a 401 is returned, not retried', async () => {
    const fake = fakeFetch(unauthorized);
    const client = createOsmClient({ fetch: fake.fetch, auth: tokenAuth('static-token') });
    const { error } = await client.GET(STATUS, { params: { path: { case_id: 'a' } } });
    expect(error?.code).toBe('OSM.0002');
    expect(fake.requests).toHaveLength(1);
  });
});

describe('token provider', () => {
  test('is awaited for every request and gets the request signal and the client fetch', async () => {
    const fake = fakeFetch(() => json({ status: 1 }));
    let issued = 0;
    const provider = vi.fn(async (_context: TokenContext) => `token-${++issued}`);
    const client = createOsmClient({ fetch: fake.fetch, auth: { token: provider } });
    await client.GET(STATUS, { params: { path: { case_id: 'a' } } });
    await client.GET(STATUS, { params: { path: { case_id: 'b' } } });

    expect(fake.requests.map((r) => r.headers.get('x-auth-token'))).toEqual(['token-1', 'token-2']);
    const context = provider.mock.calls[0]![0];
    expect(context.signal).toBeInstanceOf(AbortSignal);
    expect(typeof context.fetch).toBe('function');
  });

  test('a provider that throws fails the call with its error', async () => {
    const client = createOsmClient({
      fetch: fakeFetch(() => json({})).fetch,
      auth: { token: () => Promise.reject(new Error('vault sealed')) },
    });
    await expect(client.GET(STATUS, { params: { path: { case_id: 'a' } } })).rejects.toThrow('vault sealed');
  });
});

describe('refreshable source', () => {
  function rotatingSource(): RefreshableTokenSource & { refreshes: string[] } {
    let current = 'old-token';
    const refreshes: string[] = [];
    return {
      refreshes,
      getToken: async () => current,
      refreshToken: async (rejected) => {
        refreshes.push(rejected);
        current = 'new-token';
        return current;
      },
    };
  }

  test('a 401 refreshes the token once and sends the same request again, body included', async () => {
    const fake = fakeFetch((request) => (request.headers.get('x-auth-token') === 'old-token' ? unauthorized() : json({ id: 7 })));
    const source = rotatingSource();
    const client = createOsmClient({ fetch: fake.fetch, auth: tokenAuth(source) });
    const { data, error } = await client.POST('/v2/servicerequest/labels', { body: { name: 'urgent', color: '#ff0000' } });

    expect(error).toBeUndefined();
    expect(data).toEqual({ id: 7 });
    expect(source.refreshes).toEqual(['old-token']);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.headers.get('x-auth-token')).toBe('new-token');
    expect(await fake.requests[1]!.json()).toEqual({ name: 'urgent', color: '#ff0000' });
  });

  test('a second 401 is the answer: one refresh, one replay, no loop', async () => {
    const fake = fakeFetch(unauthorized);
    const source = rotatingSource();
    const client = createOsmClient({ fetch: fake.fetch, auth: tokenAuth(source) });
    const { error } = await client.GET(STATUS, { params: { path: { case_id: 'a' } } });

    expect(error?.httpStatus).toBe(401);
    expect(source.refreshes).toHaveLength(1);
    expect(fake.requests).toHaveLength(2);
  });
});
