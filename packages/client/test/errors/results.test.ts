// What a call resolves to (data or error) and what it throws (no response at all).
import { describe, expect, test } from 'vitest';
import { createOsmClient, OsmError, OsmNetworkError, OsmTimeoutError } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const STATUS = '/v2/servicerequest/cases/{case_id}/status';
const DOWNLOAD = '/v2/servicerequest/accessorys/{accessory_id}';
const clientAnswering = (respond: Parameters<typeof fakeFetch>[0]) => createOsmClient({ fetch: fakeFetch(respond).fetch, retry: false });
const getStatus = (client: ReturnType<typeof createOsmClient>) => client.GET(STATUS, { params: { path: { case_id: 'CS1' } } });

describe('error answers become `error`', () => {
  test('an HTTP 200 body with an error_code is an error, with the catalogue description and solution', async () => {
    const { data, error, response } = await getStatus(
      clientAnswering(() => json({ error_code: 'OSM.01010015', error_msg: 'This case does not exist.' })),
    );
    expect(data).toBeUndefined();
    expect(response.status).toBe(200);
    expect(error).toBeInstanceOf(OsmError);
    expect(error).toMatchObject({
      name: 'OsmError',
      code: 'OSM.01010015',
      httpStatus: 200,
      message: 'This case does not exist.',
      description: expect.any(String),
      solution: expect.any(String),
    });
    expect(error?.isCatalogued()).toBe(true);
  });

  test('an empty error_code is a success', async () => {
    const { data, error } = await getStatus(clientAnswering(() => json({ status: 1, error_code: '' })));
    expect(error).toBeUndefined();
    expect(data).toEqual({ status: 1, error_code: '' });
  });

  test.each([400, 401, 403, 500])('HTTP %i with an OSM body', async (status) => {
    const { error } = await getStatus(clientAnswering(() => json({ error_code: 'OSM.0001', error_msg: 'Failed' }, { status })));
    expect(error).toMatchObject({
      code: 'OSM.0001',
      httpStatus: status,
      message: 'Failed',
      description: 'An exception occurs when verifying parameters.',
    });
  });

  test('the request ID comes from the body, else from X-Request-Id', async () => {
    const fromBody = await getStatus(
      clientAnswering(() =>
        json(
          { error_code: 'APIGW.0308', error_msg: 'throttled', request_id: 'body-id' },
          { status: 429, headers: { 'X-Request-Id': 'header-id' } },
        ),
      ),
    );
    expect(fromBody.error?.requestId).toBe('body-id');
    const fromHeader = await getStatus(
      clientAnswering(() =>
        json({ error_code: 'OSM.0004', error_msg: 'Internal' }, { status: 500, headers: { 'X-Request-Id': 'header-id' } }),
      ),
    );
    expect(fromHeader.error?.requestId).toBe('header-id');
  });

  test('a code outside the catalogue keeps its code, without description or solution', async () => {
    const { error } = await getStatus(
      clientAnswering(() => json({ error_code: 'APIGW.0308', error_msg: 'The request is throttled.' }, { status: 429 })),
    );
    expect(error).toMatchObject({ code: 'APIGW.0308', httpStatus: 429, description: undefined, solution: undefined });
    expect(error?.isCatalogued()).toBe(false);
  });

  test('an error response without an OSM body is HTTP.<status>', async () => {
    const html = await getStatus(
      clientAnswering(() => new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway' })),
    );
    expect(html.error).toMatchObject({ code: 'HTTP.502', httpStatus: 502, message: 'HTTP 502 Bad Gateway' });
    const empty = await getStatus(clientAnswering(() => new Response(null, { status: 500, headers: { 'Content-Length': '0' } })));
    expect(empty.error).toMatchObject({ code: 'HTTP.500', message: 'HTTP 500' });
  });

  test('a file operation answering JSON with an error_code is an error, as a blob or as a stream', async () => {
    const client = clientAnswering(() => json({ error_code: 'OSM.01010013', error_msg: 'Accessory invalid.' }));
    const asBlob = await client.GET(DOWNLOAD, { params: { path: { accessory_id: 'x' } } });
    expect(asBlob.error?.code).toBe('OSM.01010013');
    const asStream = await client.GET(DOWNLOAD, { params: { path: { accessory_id: 'x' } }, parseAs: 'stream' });
    expect(asStream.error?.code).toBe('OSM.01010013');
  });

  test('JSON read as a stream or text that is not an error is handed over intact', async () => {
    const client = clientAnswering(() => json({ status: 2 }));
    const stream = await client.GET(STATUS, { params: { path: { case_id: 'x' } }, parseAs: 'stream' });
    expect(await new Response(stream.data).json()).toEqual({ status: 2 });
    const text = await client.GET(STATUS, { params: { path: { case_id: 'x' } }, parseAs: 'text' });
    expect(text.data).toBe('{"status":2}');
  });
});

describe('no response is thrown', () => {
  test('a network failure throws OsmNetworkError with the cause, naming the request but not its query', async () => {
    const client = createOsmClient({
      fetch: () => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND osm.invalid') })),
      retry: false,
    });
    const failure = await client
      .GET('/v2/servicerequest/cases', { params: { query: { search_key: ['someone@example.com'] } } })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OsmNetworkError);
    expect((failure as Error).message).toBe(
      'GET https://osm.ap-southeast-3.myhuaweicloud.com/v2/servicerequest/cases failed before a response arrived: fetch failed (getaddrinfo ENOTFOUND osm.invalid)',
    );
    expect((failure as Error).cause).toBeInstanceOf(TypeError);
  });

  test('no answer within timeoutMs throws OsmTimeoutError, even from a fetch that ignores the signal', async () => {
    const client = createOsmClient({ fetch: () => new Promise(() => {}), timeoutMs: 20, retry: false });
    const failure = await getStatus(client).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OsmTimeoutError);
    expect(failure).toMatchObject({ timeoutMs: 20, message: 'GET /v2/servicerequest/cases/{case_id}/status timed out after 20 ms' });
  });

  test('the timeout covers reading the body; a per-call timeoutMs overrides the client one', async () => {
    const slowBody = new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"sta')) });
    const client = createOsmClient({
      fetch: async () => new Response(slowBody, { headers: { 'content-type': 'application/json' } }),
      timeoutMs: 60_000,
      retry: false,
    });
    const failure = await client.GET(STATUS, { params: { path: { case_id: 'x' } }, timeoutMs: 20 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OsmTimeoutError);
  });

  test("the caller's abort throws the caller's reason, at once", async () => {
    const controller = new AbortController();
    const client = createOsmClient({ fetch: () => new Promise(() => {}) });
    const call = client.GET(STATUS, { params: { path: { case_id: 'x' } }, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(call).rejects.toThrow('stop');
  });

  test('a signal aborted beforehand sends nothing', async () => {
    const fake = fakeFetch(() => json({}));
    const client = createOsmClient({ fetch: fake.fetch });
    await expect(
      client.GET(STATUS, { params: { path: { case_id: 'x' } }, signal: AbortSignal.abort(new Error('already')) }),
    ).rejects.toThrow('already');
    expect(fake.requests).toHaveLength(0);
  });
});
