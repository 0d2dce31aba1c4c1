// One named regression test per finding of issue 14 (Huawei's SDK against the mock, a new user's
// first tries, and the bounded fuzz of the Prism-CLI mock this engine replaced).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { rawRequest } from '../support/raw-http.js';
import { specOperations, validRequest } from '../support/spec-operations.js';

const TOKEN = { 'X-Auth-Token': 'mock-token' };
const STATUS = '/v2/servicerequest/cases/CS1/status';
const CASE_LABELS = '/v2/servicerequest/cases/CS1/labels';
const ORIGIN = 'http://app.test';

describe('regressions of the findings', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  async function call(path: string, init: RequestInit = {}) {
    const response = await fetch(`${mock.url}${path}`, {
      ...init,
      headers: { Origin: ORIGIN, ...TOKEN, ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: text ? (JSON.parse(text) as { error_code?: string; error_msg?: string }) : undefined,
    };
  }
  const invalid = (...reasons: string[]) => ({ error_code: 'OSM.0001', error_msg: `Invalid request: ${reasons.join('; ')}` });
  const stillServes = async () => expect((await call(STATUS)).body).toEqual({ status: 0 });

  describe('array query parameters: repeated keys (Huawei SDKs) and comma lists, every item and the count validated', () => {
    test.each([
      [
        '6 labels as repeated keys',
        'label_ids=1&label_ids=2&label_ids=3&label_ids=4&label_ids=5&label_ids=6',
        'query parameter label_ids: must NOT have more than 5 items',
      ],
      ['6 labels as a comma list', 'label_ids=1,2,3,4,5,6', 'query parameter label_ids: must NOT have more than 5 items'],
      ['-1 among repeated keys', 'label_ids=1&label_ids=-1', 'query parameter label_ids.1: must be >= 0'],
      ['-1 in a comma list', 'label_ids=1,-1', 'query parameter label_ids.1: must be >= 0'],
      ['a word among repeated keys', 'label_ids=x&label_ids=2', 'query parameter label_ids.0: must be integer'],
    ])('%s: 400 naming it', async (_, query, reason) => {
      expect(await call(`${CASE_LABELS}?${query}`, { method: 'POST' })).toMatchObject({ status: 400, body: invalid(reason) });
    });

    test('5 labels, either way, are accepted', async () => {
      expect((await call(`${CASE_LABELS}?label_ids=1,2,3,4,5`, { method: 'POST' })).status).toBe(200);
      expect((await call(`${CASE_LABELS}?label_ids=1&label_ids=2&label_ids=3&label_ids=4&label_ids=5`, { method: 'POST' })).status).toBe(
        200,
      );
    });

    test('a string array sent as 6 repeated keys breaks its maxItems too', async () => {
      const query = Array.from({ length: 6 }, (_, i) => `label_id_list=${i}`).join('&');
      expect(await call(`/v2/servicerequest/cases?${query}`)).toMatchObject({
        status: 400,
        body: { error_msg: expect.stringContaining('query parameter label_id_list: must NOT have more than 5 items') },
      });
    });

    test('a scalar parameter sent twice: 400 naming it', async () => {
      expect(await call('/v2/servicerequest/cases?limit=1&limit=2')).toMatchObject({
        status: 400,
        body: invalid('query parameter limit: must be given once, got 2 values'),
      });
    });
  });

  describe('GET /', () => {
    test('answers a JSON index of the operations and a pointer to the docs, without a token', async () => {
      const response = await fetch(`${mock.url}/`);
      expect(response.status).toBe(200);
      const index = (await response.json()) as { docs: string; operations: { operationId: string; method: string; path: string }[] };
      expect(index.docs).toMatch(/^https:\/\//);
      expect(index.operations).toHaveLength(mock.operations);
      expect(index.operations).toContainEqual({
        operationId: 'showCaseStatus',
        method: 'GET',
        path: '/v2/servicerequest/cases/{case_id}/status',
      });
    });
  });

  describe('a malformed percent-escape in a path parameter (it took the Prism CLI down for good)', () => {
    test.each(['a%zz', 'a%', 'a%E9b', '%C0%AF'])('%s: 400 naming the parameter, and the mock keeps serving', async (caseId) => {
      const answer = await call(`/v2/servicerequest/cases/${caseId}/status`);
      expect(answer).toMatchObject({ status: 400, body: invalid('path parameter case_id: must be valid percent-encoding (UTF-8)') });
      expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      await stillServes();
    });

    test('without a token it is a 401 like any other request', async () => {
      expect((await fetch(`${mock.url}/v2/servicerequest/cases/a%zz/status`)).status).toBe(401);
    });

    test('in a query value: 400 naming the parameter', async () => {
      expect(await call('/v2/servicerequest/cases?search_key=%zz')).toMatchObject({
        status: 400,
        body: invalid('query parameter search_key: must be valid percent-encoding (UTF-8)'),
      });
    });
  });

  describe('bodies over 10 MiB', () => {
    test('413 with an OSM body and CORS, and the same connection then answers at once', async () => {
      const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x20);
      const answer = await call('/v2/servicerequest/labels', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: big,
      });
      expect(answer).toMatchObject({ status: 413, body: invalid('body: must NOT be larger than 10485760 bytes (10 MiB)') });
      expect(answer.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      await stillServes();
    });
  });

  describe('Prefer values Prism answered in its own format or with impossible statuses', () => {
    test('code=999: 400 OSM.0001 naming Prefer and the statuses the operation has', async () => {
      expect(await call(STATUS, { headers: { Prefer: 'code=999' } })).toMatchObject({
        status: 400,
        body: invalid(
          'header parameter Prefer: code=999: must be an HTTP status from 200 to 599; this operation answers 200, 400, 401, 403, 429, 500, 503, default',
        ),
      });
    });

    test('code=200, example=badRequest: 400 listing the names the operation has', async () => {
      expect(await call(STATUS, { headers: { Prefer: 'code=200, example=badRequest' } })).toMatchObject({
        status: 400,
        body: {
          error_code: 'OSM.0001',
          error_msg: expect.stringContaining(
            'example=badRequest: its 200 answer has no such example; this operation has success, businessError (200); badRequest (400)',
          ),
        },
      });
    });

    test('code=100 (found by the fuzz: no final answer can have it): 400 naming it', async () => {
      expect(await call(STATUS, { headers: { Prefer: 'code=100' } })).toMatchObject({
        status: 400,
        body: { error_msg: expect.stringContaining('code=100: must be an HTTP status from 200 to 599') },
      });
    });

    test('code=abc: 400 naming the value', async () => {
      expect(await call(STATUS, { headers: { Prefer: 'code=abc' } })).toMatchObject({
        status: 400,
        body: invalid('header parameter Prefer: code=abc: must be a three-digit HTTP status'),
      });
    });

    test('example=badRequest alone answers the 400 example', async () => {
      expect(await call(STATUS, { headers: { Prefer: 'example=badRequest' } })).toMatchObject({
        status: 400,
        body: { error_code: 'OSM.0001' },
      });
    });

    test('code=502, a status the operation does not list, answers its default (gateway) error', async () => {
      expect(await call(STATUS, { headers: { Prefer: 'code=502' } })).toMatchObject({ status: 502, body: { error_code: 'APIGW.0201' } });
    });
  });

  test('an empty Origin header (found by the fuzz) still gets a usable CORS header', async () => {
    const response = await fetch(`${mock.url}${STATUS}`, { headers: { ...TOKEN, Origin: '' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('Accept: application/xml answers the JSON, as OSM does (not 406)', async () => {
    const answer = await call(STATUS, { headers: { Accept: 'application/xml' } });
    expect(answer).toMatchObject({ status: 200, body: { status: 0 } });
    expect(answer.headers.get('content-type')).toBe('application/json');
  });

  describe('what Node refuses before any handler: an OSM body and CORS', () => {
    test('headers over 16 KB: 431', async () => {
      const answer = await rawRequest(mock.port, 'GET', STATUS, { ...TOKEN, 'X-Padding': 'p'.repeat(20_000) });
      expect(answer.status).toBe(431);
      expect(JSON.parse(answer.body)).toEqual(invalid('request headers: must NOT be larger than 16 KB together with the URL'));
      expect(answer.headers['access-control-allow-origin']).toBe('*');
    });

    test('a URL of 64 KB: 431', async () => {
      const answer = await rawRequest(mock.port, 'GET', `${STATUS}?x=${'u'.repeat(64 * 1024)}`, TOKEN);
      expect(answer.status).toBe(431);
      expect(JSON.parse(answer.body)).toMatchObject({ error_code: 'OSM.0001' });
    });

    test('malformed HTTP: 400', async () => {
      const answer = await rawRequest(mock.port, 'GET', STATUS, { ...TOKEN, 'Bad Header': 'x' }).catch(() => undefined);
      // Node's own client refuses to send an invalid header name; a missing answer would be a thrown error.
      if (answer) expect(answer.status).toBe(400);
      await stillServes();
    });
  });

  describe('HEAD', () => {
    test('on a GET operation: the GET answer without its body', async () => {
      const response = await fetch(`${mock.url}${STATUS}`, { method: 'HEAD', headers: TOKEN });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.text()).toBe('');
    });

    test('on a POST-only path: 404 APIGW.0101, like any method the API does not have', async () => {
      const answer = await rawRequest(mock.port, 'HEAD', '/v2/servicerequest/cases/CS1/score', TOKEN);
      expect(answer.status).toBe(404);
    });
  });

  describe('integers as JSON writes them', () => {
    test.each(['0x10', '%201', '1e1', '1.0', ''])('limit=%s: 400 must be integer', async (value) => {
      expect(await call(`/v2/servicerequest/cases?limit=${value}`)).toMatchObject({
        status: 400,
        body: invalid('query parameter limit: must be integer'),
      });
    });

    test('int64 IDs above 2^53 - 1 are accepted, and compared exactly against the int64 range', async () => {
      const entry = specOperations().find((o) => o.operationId === 'listHistorySessions')!;
      const { url, init } = validRequest(entry);
      const withId = (id: string) => url.replace(/authorization-details\/[^/]+\//, `authorization-details/${id}/`);
      expect((await call(withId('9007199254740993'), init)).status).toBe(200);
      expect((await call(withId('9223372036854775807'), init)).status).toBe(200);
      expect(await call(withId('9223372036854775808'), init)).toMatchObject({
        status: 400,
        body: invalid('path parameter authorization_detail_id: must match format "int64"'),
      });
    });
  });

  test('an empty value of an optional parameter with minLength: 400', async () => {
    expect(await call('/v2/servicerequest/accessorys/a1?group_id=')).toMatchObject({
      status: 400,
      body: invalid('query parameter group_id: must NOT have fewer than 1 characters'),
    });
  });

  test('Content-Encoding: gzip on a plain body: 415 naming the header', async () => {
    const answer = await call('/v2/servicerequest/labels', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
      body: '{"name":"a","color":"#000000"}',
    });
    expect(answer).toMatchObject({
      status: 415,
      body: invalid('header parameter Content-Encoding: must be identity: the API takes uncompressed bodies, got gzip'),
    });
  });

  test('a text part where the spec wants a file: 400 naming the field', async () => {
    const form = new FormData();
    form.append('file', 'not a file');
    form.append('form_data', '{"accessFrom":"message"}');
    expect(await call('/v2/servicerequest/accessorys', { method: 'POST', body: form })).toMatchObject({
      status: 400,
      body: invalid('body field file: must be a file (a form part with a filename)'),
    });
  });

  describe('dot segments are resolved before routing, so every rule applies', () => {
    test('the token length check', async () => {
      const answer = await rawRequest(mock.port, 'GET', '/v2/servicerequest/cases/x/../CS1/status', { 'X-Auth-Token': 't'.repeat(5001) });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual(invalid('header parameter X-Auth-Token: must NOT have more than 5000 characters'));
    });

    test('the file answer of a download', async () => {
      const answer = await rawRequest(mock.port, 'GET', '/v2/servicerequest/accessorys/x/./../a1/image', TOKEN);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe('image/jpeg');
    });
  });

  test('a download without Accept answers the file, not the JSON business error', async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/accessorys/a1`, { headers: TOKEN });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment/);
  });
});

describe('strict mode', () => {
  let strict: RunningMock;
  let lenient: RunningMock;
  beforeAll(async () => {
    [strict, lenient] = await Promise.all([startMock({ port: 0, strict: true }), startMock({ port: 0 })]);
  });
  afterAll(() => Promise.all([strict.close(), lenient.close()]));

  const typo = (base: string) => fetch(`${base}/v2/servicerequest/cases?limt=10`, { headers: TOKEN });
  const bodyTypo = (base: string) =>
    fetch(`${base}/v2/servicerequest/labels`, {
      method: 'POST',
      headers: { ...TOKEN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'a', color: '#000000', colour: 'red' }),
    });

  test('refuses an unknown query parameter, naming it', async () => {
    const response = await typo(strict.url);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error_code: 'OSM.0001',
      error_msg: 'Invalid request: query parameter limt: is not a parameter of this operation (strict mode)',
    });
  });

  test('refuses an unknown body field, naming it', async () => {
    const response = await bodyTypo(strict.url);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error_code: 'OSM.0001',
      error_msg: 'Invalid request: body field colour: is not a field of this operation (strict mode)',
    });
  });

  test('names an unknown field nested in the body', async () => {
    const body = { simple_descripton: 'x' };
    const response = await fetch(`${strict.url}/v2/servicerequest/cases`, {
      method: 'POST',
      headers: { ...TOKEN, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(((await response.json()) as { error_msg: string }).error_msg).toContain(
      'body field simple_descripton: is not a field of this operation (strict mode)',
    );
  });

  test('is off by default: OSM ignores unknown fields', async () => {
    expect((await typo(lenient.url)).status).toBe(200);
    expect((await bodyTypo(lenient.url)).status).toBe(200);
  });
});
