// Suite 10: the typed client (@osm-openapi/client, its defaults unless a test says otherwise) against the
// mock's faults and latency, through both doors - the HTTP mock (startMock) and the MSW handlers - so that
// what packages/mock/README.md says the client does against each fault ("Faults and latency") is measured,
// not assumed. The client retries GETs (3 attempts) on 429, 503, network errors and timeouts, honours
// Retry-After, and sends other methods once.
import { createOsmClient, type OsmClient, OsmNetworkError, OsmTimeoutError } from '@osm-openapi/client';
import { type RunningMock, startMock } from '@osm-openapi/mock';
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { specPath } from '../../src/spec-under-test.js';

const STATUS = '/v2/servicerequest/cases/{case_id}/status' as const;
const status = { params: { path: { case_id: 'CS20240101000001' } } };

/** A door's base URLs: a plain mock, and two with faults at rate 0.3 and seed `suite` (to compare runs). */
interface Door {
  plain: string;
  faulty: [string, string];
  slow: string;
}
const msw: Door = {
  plain: 'https://plain.faults.test',
  faulty: ['https://one.faults.test', 'https://two.faults.test'],
  slow: 'https://slow.faults.test',
};
const http = {} as Door;
const mocks: RunningMock[] = [];
const server = setupServer(
  ...osmHandlers({ baseUrl: msw.plain, spec: specPath }),
  ...msw.faulty.flatMap((baseUrl) => osmHandlers({ baseUrl, spec: specPath, faults: 0.3, seed: 'suite' })),
  ...osmHandlers({ baseUrl: msw.slow, spec: specPath, latency: [400, 500] }),
);

beforeAll(async () => {
  const [plain, one, two, slow] = await Promise.all([
    startMock({ port: 0, spec: specPath }),
    startMock({ port: 0, spec: specPath, faults: 0.3, seed: 'suite' }),
    startMock({ port: 0, spec: specPath, faults: 0.3, seed: 'suite' }),
    startMock({ port: 0, spec: specPath, latency: [400, 500] }),
  ]);
  mocks.push(plain, one, two, slow);
  Object.assign(http, { plain: plain.url, faulty: [one.url, two.url], slow: slow.url });
  server.listen({ onUnhandledFrame: 'bypass' });
});

afterAll(async () => {
  server.close();
  await Promise.all(mocks.map((m) => m.close()));
});

/**
 * A client of `baseUrl` whose requests carry `Prefer` values, one per attempt (the last one repeated),
 * and a count of its attempts. The fetch is looked up on each call: msw replaces the global one.
 */
function clientOf(baseUrl: string, prefers: (string | undefined)[], options: { timeoutMs?: number; retry?: false } = {}) {
  const sent = { attempts: 0 };
  const client: OsmClient = createOsmClient({
    baseUrl,
    auth: { token: 'test-token' },
    ...options,
    fetch: (request) => {
      const prefer = prefers[Math.min(sent.attempts++, prefers.length - 1)];
      if (prefer) request.headers.set('Prefer', prefer);
      return globalThis.fetch(request);
    },
  });
  return { client, sent };
}

/** Runs `call`, giving how long it took (ms). */
async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

/** What each of `n` GETs in a row ends as, in order: `data`, `error <code>`, or the name of the error thrown. */
async function outcomes(baseUrl: string, n: number, options: { retry?: false } = {}): Promise<string[]> {
  const { client } = clientOf(baseUrl, [], options);
  const results: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const { data, error } = await client.GET(STATUS, status);
      results.push(data ? 'data' : `error ${error?.code}`);
    } catch (error) {
      results.push((error as Error).name);
    }
  }
  return results;
}

// Most of this file's time is waiting - Retry-After seconds, timeouts, latency - not work, so its tests run
// concurrently (both doors at once; each test has clients and counters of its own, and each seeded mock or
// handler set is used by one test only). Every duration checked is a lower bound, which waiting
// side by side cannot break.
describe.concurrent.each([
  ['HTTP server', http],
  ['MSW handlers', msw],
])('the client through the %s', (_, door) => {
  test('429 with Retry-After: 1, then an answer: the GET is retried after the second asked for', async () => {
    const { client, sent } = clientOf(door.plain, ['code=429, retry-after=1', undefined]);
    const { result, ms } = await timed(() => client.GET(STATUS, status));
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ status: expect.any(Number) });
    expect(sent.attempts).toBe(2);
    expect(ms).toBeGreaterThanOrEqual(950); // its own backoff would be under 200 ms
  });

  test('503 every time: three attempts, Retry-After honoured between them, then the 503 as error', async () => {
    const { client, sent } = clientOf(door.plain, ['code=503, retry-after=1']);
    const { result, ms } = await timed(() => client.GET(STATUS, status));
    expect(result.error).toMatchObject({ code: 'APIGW.0613', httpStatus: 503 });
    expect(result.response.headers.get('retry-after')).toBe('1');
    expect(sent.attempts).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(1900);
  });

  test('429 on a POST: sent once, the throttling error returned (POSTs are not retried unless opted in)', async () => {
    const { client, sent } = clientOf(door.plain, ['code=429']);
    const { error } = await client.POST('/v2/servicerequest/labels', { body: { name: 'urgent', color: '#ff0000' } });
    expect(error).toMatchObject({ code: 'APIGW.0308', httpStatus: 429 });
    expect(sent.attempts).toBe(1);
  });

  test('a Retry-After past 5 minutes is not waited for: its answer is the result at once', async () => {
    const { client, sent } = clientOf(door.plain, ['code=429, retry-after=600']);
    const { error } = await client.GET(STATUS, status);
    expect(error).toMatchObject({ code: 'APIGW.0308', httpStatus: 429 });
    expect(sent.attempts).toBe(1);
  });

  test('fault=reset: the GET is retried, then OsmNetworkError is thrown', async () => {
    const { client, sent } = clientOf(door.plain, ['fault=reset']);
    await expect(client.GET(STATUS, status)).rejects.toThrow(OsmNetworkError);
    expect(sent.attempts).toBe(3);
  });

  test('fault=reset once: the retry gets the answer', async () => {
    const { client, sent } = clientOf(door.plain, ['fault=reset', undefined]);
    expect((await client.GET(STATUS, status)).data).toEqual({ status: expect.any(Number) });
    expect(sent.attempts).toBe(2);
  });

  test('fault=truncate: the answer breaks off; the GET is retried, then OsmNetworkError is thrown', async () => {
    const { client, sent } = clientOf(door.plain, ['fault=truncate']);
    const thrown = await client.GET(STATUS, status).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(OsmNetworkError);
    // Over HTTP the head arrives and the body breaks off; msw 3 fails the fetch itself (it reads a mocked body whole first).
    expect((thrown as Error).message).toMatch(
      door === msw ? /before a response arrived|while its response body was read/ : /while its response body was read/,
    );
    expect(sent.attempts).toBe(3);
  });

  test('fault=truncate on a POST: sent once, OsmNetworkError thrown', async () => {
    const { client, sent } = clientOf(door.plain, ['fault=truncate']);
    await expect(client.POST('/v2/servicerequest/labels', { body: { name: 'urgent', color: '#ff0000' } })).rejects.toBeInstanceOf(
      OsmNetworkError,
    );
    expect(sent.attempts).toBe(1);
  });

  test("fault=hang: each attempt ends at the client's timeoutMs, then OsmTimeoutError is thrown", async () => {
    const { client, sent } = clientOf(door.plain, ['fault=hang'], { timeoutMs: 300 });
    await expect(client.GET(STATUS, status)).rejects.toBeInstanceOf(OsmTimeoutError);
    expect(sent.attempts).toBe(3);
  });

  test('fault=hang on a POST: one attempt, OsmTimeoutError after timeoutMs', async () => {
    const { client, sent } = clientOf(door.plain, ['fault=hang'], { timeoutMs: 300 });
    await expect(client.POST('/v2/servicerequest/labels', { body: { name: 'urgent', color: '#ff0000' } })).rejects.toBeInstanceOf(
      OsmTimeoutError,
    );
    expect(sent.attempts).toBe(1);
  });

  test('delay longer than timeoutMs: OsmTimeoutError; a shorter one: the answer, that much later', async () => {
    await expect(clientOf(door.plain, ['delay=3000'], { timeoutMs: 300, retry: false }).client.GET(STATUS, status)).rejects.toBeInstanceOf(
      OsmTimeoutError,
    );
    const { result, ms } = await timed(() => clientOf(door.plain, ['delay=300']).client.GET(STATUS, status));
    expect(result.data).toEqual({ status: expect.any(Number) });
    expect(ms).toBeGreaterThanOrEqual(290);
  });

  test('latency 400-500 ms: every call at least 400 ms; with timeoutMs under it, OsmTimeoutError', async () => {
    const { result, ms } = await timed(() => clientOf(door.slow, []).client.GET(STATUS, status));
    expect(result.data).toEqual({ status: expect.any(Number) });
    expect(ms).toBeGreaterThanOrEqual(390);
    await expect(clientOf(door.slow, [], { timeoutMs: 200, retry: false }).client.GET(STATUS, status)).rejects.toBeInstanceOf(
      OsmTimeoutError,
    );
  });

  test('faults 0.3, seed "suite": the same results in the same order on a second mock; retries absorb most faults', async () => {
    // Each mock draws from its own seeded sequence, so the two can be called side by side.
    const [first, second] = await Promise.all([outcomes(door.faulty[0], 15), outcomes(door.faulty[1], 15)]);
    expect(second).toEqual(first);
    // About 30% of attempts fail, and a GET has three: most calls end with data.
    expect(first.filter((r) => r === 'data').length).toBeGreaterThanOrEqual(11);
  });
});

test('the seeded faults are the same through both doors', async () => {
  // Fresh handler sets and mocks, so that both start at the seed's first draw.
  const fresh = await startMock({ port: 0, spec: specPath, faults: 0.5, seed: 'both' });
  server.use(...osmHandlers({ baseUrl: 'https://both.faults.test', spec: specPath, faults: 0.5, seed: 'both' }));
  try {
    const [overHttp, throughMsw] = await Promise.all([
      outcomes(fresh.url, 30, { retry: false }),
      outcomes('https://both.faults.test', 30, { retry: false }),
    ]);
    expect(throughMsw).toEqual(overHttp);
    // Without retries every fault shows: the gateway's two errors and the client's network error.
    expect(new Set(overHttp)).toEqual(new Set(['data', 'error APIGW.0308', 'error APIGW.0613', 'OsmNetworkError']));
  } finally {
    server.resetHandlers();
    await fresh.close();
  }
});
