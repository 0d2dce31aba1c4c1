// Suite 9: @osm-openapi/mock/msw in a browser. A page in Chromium registers MSW's service worker with
// the handlers of the mock's browser build; the typed client in the page replays every fixture's call
// through it and must get what the HTTP mock of the run answers (suite 7 does the same in Node). Then
// what only a page shows: the worker controls it, the bundled spec loads by itself, answers carry OSM's
// errors and CORS, a stateful sandbox keeps state, and file paths (Node only) are refused clearly. The
// mock's table of edge requests (malformed escapes, odd content types, a 20 KB header, curl-style
// uploads, ...) gets the same status, headers and body in the page as over HTTP.
import { startMock } from '@osm-openapi/mock';
import { afterAll, beforeAll, describe, expect, inject, it, test } from 'vitest';
// The table the mock's own tests run through its HTTP server and MSW in Node (one table for every door).
import { answerHeaders, EDGE_REQUESTS } from '../../../mock/test/support/edge-requests.js';
import { replayCall } from '../../src/fixture-calls.js';
import { loadFixtures } from '../../src/fixtures.js';
import { replay, replayClients, type Seen } from '../../src/replay.js';
import { reportChecked } from '../../src/report.js';
import { operations, spec, specPath } from '../../src/spec-under-test.js';
import type { FilePart, PageCall } from './page.js';
import { openWorkerPage, type WorkerPage } from './worker-page.js';

const MSW_URL = 'https://osm.browser.msw.test';
const fixtures = loadFixtures();
// The bundled spec is what the page loads by default; another spec under test is handed over as an object.
const specOption = process.env.OSM_CONTRACT_SPEC ? { spec } : {};

/** A body's File parts as JSON can carry them into the page. */
async function portable(body: unknown): Promise<unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const entries = await Promise.all(
    Object.entries(body).map(
      async ([name, value]): Promise<[string, unknown]> => [
        name,
        value instanceof File ? ({ $file: { name: value.name, type: value.type, text: await value.text() } } satisfies FilePart) : value,
      ],
    ),
  );
  return Object.fromEntries(entries);
}

/** Every fixture's call, named by its file, with the status the fixture recorded. */
const replays = operations.flatMap((op) =>
  (fixtures.get(op.operationId) ?? []).map(({ file, fixture }) => ({
    key: file,
    status: fixture.response.status,
    ...replayCall(op, fixture),
  })),
);
const calls: PageCall[] = await Promise.all(
  replays.map(async ({ status: _, ...call }) => ({ ...call, init: { ...call.init, body: await portable(call.init.body) } })),
);

let browser: WorkerPage;
beforeAll(async () => {
  browser = await openWorkerPage();
  await browser.page.evaluate((options) => window.osmPage.start(options), { baseUrl: MSW_URL, ...specOption });
});
afterAll(() => browser?.close());

describe('9 client via MSW in Chromium', () => {
  let inPage: Record<string, Seen>;
  let overHttp: Record<string, Seen>;
  beforeAll(async () => {
    inPage = await browser.page.evaluate(({ baseUrl, calls }) => window.osmPage.call(baseUrl, calls), { baseUrl: MSW_URL, calls });
    const clients = replayClients(inject('mockUrl'));
    overHttp = {};
    for (const call of replays) overHttp[call.key] = await replay(clients, call);
  });
  afterAll(() => reportChecked('client via msw in chromium', operations.length, `${replays.length} calls`));

  it('runs in a page its service worker controls', async () => {
    expect(await browser.page.evaluate(() => window.osmPage.controlled())).toBe(true);
  });

  it.each(replays.map((c) => [c.key, c] as const))('%s: same result in the page as over HTTP', (key, { status }) => {
    expect(inPage[key]).toEqual(overHttp[key]);
    expect(inPage[key]!.status).toBe(status);
  });
});

describe('the handlers in the page', () => {
  const page = (path: string, headers: Record<string, string>, init: { method?: string; body?: string } = {}) =>
    browser.page.evaluate(({ url, init }) => window.osmPage.fetch(url, init), { url: `${MSW_URL}${path}`, init: { ...init, headers } });
  const http = async (path: string, headers: Record<string, string>, init: { method?: string; body?: string } = {}) => {
    const response = await fetch(`${inject('mockUrl')}${path}`, { ...init, headers: { Origin: 'http://app.test', ...headers } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      cors: response.headers.get('access-control-allow-origin'),
      body: await response.text(),
    };
  };

  test.each([
    ['an invalid parameter', '/v2/servicerequest/cases?limit=101', { 'X-Auth-Token': 't' }],
    [
      'six labels as repeated keys, one too many',
      '/v2/servicerequest/cases/CS1/labels?label_ids=1&label_ids=2&label_ids=3&label_ids=4&label_ids=5&label_ids=6',
      { 'X-Auth-Token': 't' },
      'POST',
    ],
    ['no token', '/v2/servicerequest/cases/CS1/status', {}],
    ['Prefer: code=401', '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't', Prefer: 'code=401' }],
    ['Prefer: example=businessError', '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't', Prefer: 'example=businessError' }],
    ['an unknown example', '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't', Prefer: 'example=nope' }],
    ['an unknown path', '/v2/nowhere', { 'X-Auth-Token': 't' }],
    ['the index', '/', {}],
  ])('%s: the same answer as over HTTP, with CORS', async (_, path, headers, method = 'GET') => {
    const [inPage, overHttp] = await Promise.all([page(path, headers, { method }), http(path, headers, { method })]);
    expect(inPage).toEqual({ ...overHttp, cors: expect.any(String) });
    expect(inPage.cors).not.toBeNull();
  });

  test.each(EDGE_REQUESTS.map((r) => [r.name, r] as const))(
    'edge request, %s: the same status, headers and body as over HTTP',
    async (_, request) => {
      const init = { method: request.method, headers: request.headers, ...(request.body === undefined ? {} : { body: request.body }) };
      const inPage = await browser.page.evaluate(({ url, init }) => window.osmPage.exchange(url, init), {
        url: `${MSW_URL}${request.path}`,
        init,
      });
      // MSW's worker hands the handlers no Origin (a header pages cannot set), so over HTTP the request goes without one too.
      const response = await fetch(`${inject('mockUrl')}${request.path}`, init);
      const overHttp = { status: response.status, headers: answerHeaders(response.headers), body: await response.text() };
      expect({ ...inPage, headers: answerHeaders(Object.entries(inPage.headers)) }).toEqual(overHttp);
    },
  );

  test('a stateful sandbox keeps what the page creates', async () => {
    const baseUrl = `${MSW_URL}/stateful`;
    await browser.page.evaluate((options) => window.osmPage.use(options), { baseUrl, stateful: { seed: {} }, ...specOption });
    try {
      const json = { 'X-Auth-Token': 't', 'Content-Type': 'application/json' };
      const created = await page('/stateful/v2/servicerequest/labels', json, {
        method: 'POST',
        body: JSON.stringify({ name: 'from the page', color: '#00ff00' }),
      });
      expect(created.status).toBe(200);
      const listed = await page('/stateful/v2/servicerequest/labels', { 'X-Auth-Token': 't' });
      expect(JSON.parse(listed.body)).toMatchObject({ total_count: 1, label_list: [{ name: 'from the page', color: '#00ff00' }] });
      const again = await page('/stateful/v2/servicerequest/labels', json, {
        method: 'POST',
        body: JSON.stringify({ name: 'from the page', color: '#0000ff' }),
      });
      expect(JSON.parse(again.body).error_code).toBe('OSM.01010040');
      const state = await page('/stateful/__osm/state', {});
      expect(JSON.parse(state.body).labels).toHaveLength(1);
    } finally {
      await browser.page.evaluate((options) => window.osmPage.use(options), { baseUrl: MSW_URL, ...specOption });
    }
  });

  test('strict mode refuses an unknown query parameter, naming it', async () => {
    await browser.page.evaluate((options) => window.osmPage.use(options), { baseUrl: MSW_URL, strict: true, ...specOption });
    try {
      const answer = await page('/v2/servicerequest/cases?limt=10', { 'X-Auth-Token': 't' });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'OSM.0001', error_msg: expect.stringContaining('limt') });
    } finally {
      await browser.page.evaluate((options) => window.osmPage.use(options), { baseUrl: MSW_URL, ...specOption });
    }
  });

  test('dynamic answers are those of the HTTP mock with the same seed', async () => {
    const mock = await startMock({ port: 0, dynamic: true, seed: 'browser', ...(process.env.OSM_CONTRACT_SPEC ? { spec: specPath } : {}) });
    await browser.page.evaluate((options) => window.osmPage.use(options), {
      baseUrl: MSW_URL,
      dynamic: true,
      seed: 'browser',
      ...specOption,
    });
    try {
      const path = '/v2/servicerequest/cases?limit=3';
      const inPage = await page(path, { 'X-Auth-Token': 't' });
      const overHttp = await fetch(`${mock.url}${path}`, { headers: { 'X-Auth-Token': 't' } });
      expect(inPage.status).toBe(200);
      expect(JSON.parse(inPage.body)).toEqual(await overHttp.json());
      expect(JSON.parse(inPage.body)).not.toEqual(JSON.parse((await page(path, { 'X-Auth-Token': 't', Prefer: 'dynamic=false' })).body));
    } finally {
      await mock.close();
      await browser.page.evaluate((options) => window.osmPage.use(options), { baseUrl: MSW_URL, ...specOption });
    }
  });

  test.each([
    ['a spec file', { spec: '/openapi.json' }, 'TypeError: The spec "/openapi.json" is a file path, which only Node can read'],
    ['a seed file', { stateful: { seed: 'seed.json' } }, 'SeedError: The seed "seed.json" is a file path, which only Node can read'],
  ])('%s is refused when the handlers are made, saying why', async (_, options, message) => {
    expect(await browser.page.evaluate((options) => window.osmPage.refusal(options), options)).toContain(message);
  });

  test('faults in the page: 429 with Retry-After, a reset, a cut body and a hang (packages/mock/src/msw/faults.ts)', async () => {
    const exchange = (prefer: string, timeoutMs?: number) =>
      browser.page.evaluate(({ url, init }) => window.osmPage.exchange(url, init), {
        url: `${MSW_URL}/v2/servicerequest/cases/CS1/status`,
        init: { headers: { 'X-Auth-Token': 't', Prefer: prefer }, timeoutMs },
      });
    const throttled = await exchange('code=429, retry-after=2');
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect(JSON.parse(throttled.body).error_code).toBe('APIGW.0308');
    await expect(exchange('fault=reset')).rejects.toThrow(/Failed to fetch/);
    // MSW's worker takes a mocked body whole before answering the page, so a body that breaks off fails
    // the fetch itself, as a reset does: in a page the head of a cut answer never arrives.
    await expect(exchange('fault=truncate')).rejects.toThrow(/Failed to fetch/);
    await expect(exchange('fault=hang', 500)).rejects.toThrow(/abort|timeout/i);
  });

  test('the page raised no error', () => {
    expect(browser.errors).toEqual([]);
  });
});
