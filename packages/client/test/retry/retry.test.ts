import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createOsmClient, OsmNetworkError, OsmTimeoutError, type RetryOptions } from '../../src/index.js';
import { retryAfterMs } from '../../src/retry.js';
import { fakeFetch, json, type Responder } from '../support/fake-fetch.js';

const REGIONS = '/v2/servicerequest/config/regions';
const failure = (status: number, headers: HeadersInit = {}) =>
  json({ error_code: 'APIGW.0308', error_msg: 'try later' }, { status, headers });
const noDelay: RetryOptions = { baseDelayMs: 0 };

function clientWith(respond: Responder, retry: RetryOptions | false = noDelay) {
  const fake = fakeFetch(respond);
  return { fake, client: createOsmClient({ fetch: fake.fetch, retry }) };
}

describe('what is retried', () => {
  test.each([429, 502, 503, 504])('a GET answered %i is sent again', async (status) => {
    const { fake, client } = clientWith((_, i) => (i === 0 ? failure(status) : json({ regions: [] })));
    const { data } = await client.GET(REGIONS);
    expect(data).toEqual({ regions: [] });
    expect(fake.requests).toHaveLength(2);
  });

  test.each([400, 401, 403, 500])('HTTP %i is the answer', async (status) => {
    const { fake, client } = clientWith(() => failure(status));
    expect((await client.GET(REGIONS)).error?.httpStatus).toBe(status);
    expect(fake.requests).toHaveLength(1);
  });

  test('a business error (HTTP 200) is the answer', async () => {
    const { fake, client } = clientWith(() => json({ error_code: 'OSM.01010004', error_msg: 'too frequent' }));
    expect((await client.GET(REGIONS)).error?.code).toBe('OSM.01010004');
    expect(fake.requests).toHaveLength(1);
  });

  test('network errors and timeouts are retried; the last one is thrown', async () => {
    const network = clientWith(() => Promise.reject(new TypeError('fetch failed')));
    await expect(network.client.GET(REGIONS)).rejects.toBeInstanceOf(OsmNetworkError);
    expect(network.fake.requests).toHaveLength(3);

    const fake = fakeFetch(() => new Promise(() => {}));
    const client = createOsmClient({ fetch: fake.fetch, retry: { ...noDelay, attempts: 2 }, timeoutMs: 10 });
    await expect(client.GET(REGIONS)).rejects.toBeInstanceOf(OsmTimeoutError);
    expect(fake.requests).toHaveLength(2);
  });

  test('POST, PUT and DELETE are sent once by default', async () => {
    const { fake, client } = clientWith(() => failure(503));
    await client.POST('/v2/servicerequest/labels', { body: { name: 'a', color: '#000000' } });
    await client.PUT('/v2/servicerequest/labels/{label_id}', { params: { path: { label_id: 1 } }, body: { name: 'a', color: '#000000' } });
    await client.DELETE('/v2/servicerequest/labels/{label_id}', { params: { path: { label_id: 1 } } });
    expect(fake.requests.map((r) => r.method)).toEqual(['POST', 'PUT', 'DELETE']);
  });

  test('a POST is retried when the caller opts in, per call or per client, its body sent again', async () => {
    const perCall = clientWith((_, i) => (i === 0 ? failure(503) : json({})));
    await perCall.client.POST('/v2/servicerequest/labels', { body: { name: 'a', color: '#000000' }, retry: { methods: ['POST'] } });
    expect(perCall.fake.requests).toHaveLength(2);
    expect(await perCall.fake.requests[1]!.json()).toEqual({ name: 'a', color: '#000000' });

    const perClient = clientWith((_, i) => (i === 0 ? failure(503) : json({})), { ...noDelay, methods: ['GET', 'POST'] });
    await perClient.client.POST('/v2/servicerequest/labels', { body: { name: 'a', color: '#000000' } });
    expect(perClient.fake.requests).toHaveLength(2);
  });

  test('retry: false turns retries off, for the client or for one call', async () => {
    const off = clientWith(() => failure(503), false);
    await off.client.GET(REGIONS);
    expect(off.fake.requests).toHaveLength(1);
    const onButNotNow = clientWith(() => failure(503));
    await onButNotNow.client.GET(REGIONS, { retry: false });
    expect(onButNotNow.fake.requests).toHaveLength(1);
  });
});

describe('how long it waits, and for how long it keeps trying', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2024-06-01T00:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  test('exponential backoff with full jitter, capped by maxDelayMs', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const { fake, client } = clientWith((_, i) => (i < 3 ? failure(503) : json({})), { attempts: 4, baseDelayMs: 100, maxDelayMs: 300 });
    const call = client.GET(REGIONS);
    // Delays: 0.5 * 100, 0.5 * 200, 0.5 * min(300, 400).
    for (const [advance, requests] of [
      [0, 1],
      [49, 1],
      [1, 2],
      [99, 2],
      [1, 3],
      [149, 3],
      [1, 4],
    ] as const) {
      await vi.advanceTimersByTimeAsync(advance);
      expect(fake.requests).toHaveLength(requests);
    }
    expect((await call).data).toEqual({});
  });

  test.each([
    ['seconds', 429, () => '2', 2000],
    ['an HTTP date', 503, () => new Date(Date.now() + 3000).toUTCString(), 3000],
  ])('Retry-After as %s is honoured', async (_, status, retryAfter, waitMs) => {
    const { client, fake } = clientWith((_, i) => (i === 0 ? failure(status, { 'Retry-After': retryAfter() }) : json({})));
    const call = client.GET(REGIONS);
    await vi.advanceTimersByTimeAsync(waitMs - 1);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.requests).toHaveLength(2);
    await call;
  });

  test('a wait that would pass maxElapsedMs is not started: the last answer is returned at once', async () => {
    const { fake, client } = clientWith(() => failure(503, { 'Retry-After': '60' }), { maxElapsedMs: 10_000 });
    const { error } = await client.GET(REGIONS);
    expect(error?.httpStatus).toBe(503);
    expect(fake.requests).toHaveLength(1);
  });

  test.each([
    ['3,000,000 seconds', () => '3000000'],
    ['an HTTP date a year ahead', () => new Date(Date.now() + 365 * 86_400_000).toUTCString()],
  ])(
    'a Retry-After of %s is not waited for, even with maxElapsedMs: Infinity: the answer is returned, one request',
    async (_, retryAfter) => {
      const { fake, client } = clientWith(() => failure(429, { 'Retry-After': retryAfter() }), { maxElapsedMs: Number.POSITIVE_INFINITY });
      const call = client.GET(REGIONS);
      // A timer given more than 2^31-1 ms fires at once: a second and third request would follow here.
      await vi.advanceTimersByTimeAsync(50);
      expect((await call).error?.httpStatus).toBe(429);
      expect(fake.requests).toHaveLength(1);
    },
  );

  test('a Retry-After of exactly 5 minutes is still honoured', async () => {
    const { fake, client } = clientWith((_, i) => (i === 0 ? failure(503, { 'Retry-After': '300' }) : json({})), {
      maxElapsedMs: Number.POSITIVE_INFINITY,
    });
    const call = client.GET(REGIONS);
    await vi.advanceTimersByTimeAsync(299_999);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call).data).toEqual({});
  });

  test('a backoff from the largest options is capped at 5 minutes', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const largest = 2 ** 31 - 1;
    const { fake, client } = clientWith((_, i) => (i === 0 ? failure(503) : json({})), {
      baseDelayMs: largest,
      maxDelayMs: largest,
      maxElapsedMs: Number.POSITIVE_INFINITY,
    });
    const call = client.GET(REGIONS);
    await vi.advanceTimersByTimeAsync(299_600);
    expect(fake.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(fake.requests).toHaveLength(2);
    await call;
  });

  test("the caller's abort ends the wait and throws its reason", async () => {
    const controller = new AbortController();
    const { fake, client } = clientWith(() => failure(503, { 'Retry-After': '5' }));
    const call = client.GET(REGIONS, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort(new Error('shutting down'));
    await expect(call).rejects.toThrow('shutting down');
    expect(fake.requests).toHaveLength(1);
  });
});

test('retryAfterMs reads delay-seconds and HTTP dates, and ignores the rest', () => {
  expect(retryAfterMs('120')).toBe(120_000);
  expect(retryAfterMs(null)).toBeUndefined();
  expect(retryAfterMs('soon')).toBeUndefined();
  expect(retryAfterMs(new Date(Date.now() - 5000).toUTCString())).toBe(0);
});
