// Faults and latency through both front doors: the HTTP server (startMock) and the MSW handlers, asked
// for per request (`Prefer`) and server-wide (`latency`, `faults` and `seed`). Each door carries a fault
// out in its own way (src/server/http-adapter.ts, src/msw/faults.ts); what a caller with fetch sees is the
// same: a reset rejects fetch, a truncated body rejects its reading, a hang ends at the caller's abort.
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { loadSpec } from '@osm-openapi/spec';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { faultResponse } from '../../src/msw/faults.js';
import { osmHandlers } from '../../src/msw/node.js';
import { requestListener } from '../../src/server/http-adapter.js';

const STATUS = '/v2/servicerequest/cases/CS1/status';
const STATUS_TEMPLATE = '/v2/servicerequest/cases/{case_id}/status';
const LABELS = '/v2/servicerequest/labels';
const TOKEN = { 'X-Auth-Token': 'test-token' };
const spec = loadSpec() as { paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>> };

/** The errors of `body` against the schema of the shared response the spec gives `status` of `GET .../status` (none: valid). */
function againstSpec(status: string, body: unknown) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(spec, 'openapi');
  const ref = spec.paths[STATUS_TEMPLATE]!.get!.responses[status]!.$ref!; // #/components/responses/TooManyRequests
  const validate = ajv.getSchema(`openapi${ref}/content/application~1json/schema`)!;
  return validate(body) ? [] : validate.errors;
}

/** A door: the base URLs of a plain mock, one with faults (rate 0.5, seed `doors`) and one with latency 200-300 ms. */
interface Door {
  plain: string;
  faulty: string;
  slow: string;
}
const msw: Door = { plain: 'https://plain.msw.test', faulty: 'https://faulty.msw.test', slow: 'https://slow.msw.test' };
const http = {} as Door;
const mocks: RunningMock[] = [];
const server = setupServer(
  ...osmHandlers({ baseUrl: msw.plain }),
  ...osmHandlers({ baseUrl: msw.faulty, faults: 0.5, seed: 'doors' }),
  ...osmHandlers({ baseUrl: msw.slow, latency: [200, 300] }),
);
const log: string[] = [];

beforeAll(async () => {
  const [plain, faulty, slow] = await Promise.all([
    startMock({ port: 0, log: (line) => log.push(line) }),
    startMock({ port: 0, faults: 0.5, seed: 'doors' }),
    startMock({ port: 0, latency: [200, 300] }),
  ]);
  mocks.push(plain, faulty, slow);
  Object.assign(http, { plain: plain.url, faulty: faulty.url, slow: slow.url });
  server.listen({ onUnhandledFrame: 'bypass' });
});

afterAll(async () => {
  server.close();
  await Promise.all(mocks.map((m) => m.close()));
});

const get = (base: string, prefer?: string, init: RequestInit = {}) =>
  fetch(`${base}${STATUS}`, { ...init, headers: { ...TOKEN, ...(prefer ? { Prefer: prefer } : {}) } });

// Concurrent: these tests mostly wait (delays, latency, a hang until the caller gives up), and each one
// makes its own requests; the durations checked are lower bounds, which waiting side by side cannot break.
describe.concurrent.each([
  ['HTTP server', http],
  ['MSW handlers', msw],
])('%s', (_, door) => {
  test("code=429: the gateway's throttling error, as the spec declares it, with Retry-After: 1", async () => {
    const response = await get(door.plain, 'code=429');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    const body = await response.json();
    expect(body).toMatchObject({ error_code: 'APIGW.0308', error_msg: expect.stringContaining('throttling threshold') });
    expect(againstSpec('429', body)).toEqual([]);
  });

  test('code=503, retry-after=3: 503 APIGW.0613 with Retry-After: 3', async () => {
    const response = await get(door.plain, 'code=503, retry-after=3');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('3');
    const body = await response.json();
    expect(body).toMatchObject({ error_code: 'APIGW.0613' });
    expect(againstSpec('503', body)).toEqual([]);
  });

  test('the gateway throttles before OSM checks the request: an invalid one gets the 429 too', async () => {
    const response = await fetch(`${door.plain}/v2/servicerequest/cases?limit=101`, { headers: { ...TOKEN, Prefer: 'code=429' } });
    expect(response.status).toBe(429);
  });

  test('delay=300: the answer, at least 300 ms later', async () => {
    const started = performance.now();
    const response = await get(door.plain, 'delay=300');
    expect(await response.json()).toEqual({ status: 0 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('delay=60001 and fault=explode: 400 OSM.0001 naming them', async () => {
    const response = await get(door.plain, 'delay=60001, fault=explode');
    expect(response.status).toBe(400);
    const { error_code, error_msg } = await response.json();
    expect(error_code).toBe('OSM.0001');
    expect(error_msg).toContain('delay=60001: must be a whole number of milliseconds from 0 to 60000');
    expect(error_msg).toContain('fault=explode: must be one of reset, truncate, hang');
  });

  test('fault=reset: fetch rejects, no answer at all', async () => {
    await expect(get(door.plain, 'fault=reset')).rejects.toThrow(TypeError);
  });

  test('fault=truncate: the answer breaks off (over HTTP after its head, stating the whole length)', async () => {
    const fetched = get(door.plain, 'fault=truncate, example=businessError');
    if (door === msw) {
      // msw 3 writes a mocked answer only once it has read its body, so the cut body fails the fetch itself
      // (msw 2 delivered the head first); either way the caller gets no answer it can read.
      await expect(fetched.then((response) => response.arrayBuffer())).rejects.toThrow();
      return;
    }
    const response = await fetched;
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    await expect(response.arrayBuffer()).rejects.toThrow();
  });

  test('fault=hang: no answer until the caller gives up', async () => {
    await expect(get(door.plain, 'fault=hang', { signal: AbortSignal.timeout(500) })).rejects.toThrow(/abort|timeout/i);
  });

  test('latency 200-300: every answer at least 200 ms late', async () => {
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      expect((await get(door.slow)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    }
  });
});

/** What each of `n` requests meets, in order: the status, or `network` for a rejected fetch or body. */
async function fates(base: string, n: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const response = await get(base);
      await response.arrayBuffer();
      seen.push(`${response.status}${response.headers.has('retry-after') ? ` retry-after ${response.headers.get('retry-after')}` : ''}`);
    } catch {
      seen.push('network');
    }
  }
  return seen;
}

test('faults 0.5, seed "doors": the same faults in the same order through both doors, about half the requests', async () => {
  // Each door draws from its own seeded sequence, so the two are asked side by side.
  const [overHttp, overMsw] = await Promise.all([fates(http.faulty, 40), fates(msw.faulty, 40)]);
  expect(overMsw).toEqual(overHttp);
  expect(new Set(overHttp)).toEqual(new Set(['200', '429 retry-after 1', '503 retry-after 1', 'network']));
  const faulted = overHttp.filter((f) => f !== '200').length;
  expect(faulted).toBeGreaterThan(8);
  expect(faulted).toBeLessThan(32);
});

test('HTTP: the access log names the fault', async () => {
  await get(http.plain, 'fault=reset').catch(() => undefined);
  await get(http.plain, 'fault=truncate')
    .then((r) => r.arrayBuffer())
    .catch(() => undefined);
  await expect.poll(() => log.join('\n')).toMatch(/GET \/v2\/servicerequest\/cases\/CS1\/status -> reset \(\d+ ms\)/);
  expect(log.join('\n')).toMatch(/-> truncate of 200 \(\d+ ms\)/);
});

test("HTTP: a hang the client never gives up on ends at the server's idle timeout, the connection closed without a byte", async () => {
  const engine = await createEngine({ document: loadSpec() });
  const hanging: Server = createServer(requestListener(engine));
  hanging.timeout = 300; // startMock's is IDLE_TIMEOUT_MS (2 minutes); the same Node socket timeout, shorter
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = hanging.address() as { port: number };
    const socket = connect(port, '127.0.0.1');
    let received = 0;
    socket.on('data', (chunk) => (received += chunk.length));
    socket.write(`GET ${STATUS} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: t\r\nPrefer: fault=hang\r\n\r\n`);
    await new Promise((resolve) => socket.once('close', resolve));
    expect(received).toBe(0);
  } finally {
    hanging.closeAllConnections();
    await new Promise((resolve) => hanging.close(resolve));
  }
});

/** A body still arriving, as the proxy mode's answers are. */
async function* arriving(): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode('{"status":');
  yield new TextEncoder().encode('0}');
}

test('a truncated answer whose body is still arriving (proxy mode) is cut at half of it, through both doors', async () => {
  const cut = { status: 200, headers: { 'content-type': 'application/json' }, body: arriving(), fault: 'truncate' as const };
  const viaMsw = await faultResponse(cut, undefined);
  expect(viaMsw.headers.get('content-length')).toBe('12');
  await expect(viaMsw.text()).rejects.toThrow();
  const fake: Server = createServer(
    requestListener({ operations: 1, handle: async () => ({ ...cut, body: arriving() }), route: () => undefined }),
  );
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(fake.address() as { port: number }).port}/`);
    expect(response.headers.get('content-length')).toBe('12');
    await expect(response.text()).rejects.toThrow();
  } finally {
    fake.closeAllConnections();
    await new Promise((resolve) => fake.close(resolve));
  }
});

test('MSW: a hang ends as soon as the caller aborts (no timer left behind)', async () => {
  const caller = new AbortController();
  setTimeout(() => caller.abort(), 50);
  const response = await faultResponse({ status: 0, headers: {}, fault: 'hang' }, caller.signal);
  expect(response.type).toBe('error');
});

test('MSW: a hang the caller never aborts ends as a network error after the idle timeout', async () => {
  const response = await faultResponse({ status: 0, headers: {}, fault: 'hang' }, undefined, 200);
  expect(response.type).toBe('error');
});

describe('the stateful sandbox', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful: true });
  });
  afterAll(() => mock.close());
  const count = async () =>
    ((await (await fetch(`${mock.url}${LABELS}`, { headers: TOKEN })).json()) as { total_count: number }).total_count;
  const create = (name: string, prefer: string) =>
    fetch(`${mock.url}${LABELS}`, {
      method: 'POST',
      headers: { ...TOKEN, 'content-type': 'application/json', Prefer: prefer },
      body: JSON.stringify({ name, color: '#ff0000' }),
    }).then((r) => r.arrayBuffer());

  test('a truncated answer was handled in full (the label exists); a reset or hung request was never handled', async () => {
    const before = await count();
    await expect(create('reset', 'fault=reset')).rejects.toThrow();
    await expect(
      fetch(`${mock.url}${LABELS}`, {
        method: 'POST',
        headers: { ...TOKEN, 'content-type': 'application/json', Prefer: 'fault=hang' },
        body: '{"name":"hang","color":"#ff0000"}',
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
    await expect(create('cut', 'fault=truncate')).rejects.toThrow();
    expect(await count()).toBe(before + 1);
  });
});
