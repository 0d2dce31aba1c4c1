import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';

const TOKEN = { 'X-Auth-Token': 'mock-token' };
const EXPORT = '/v2/servicerequest/cases/export';
const LABELS = '/v2/servicerequest/labels';

describe('request validation', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  async function call(path: string, init: RequestInit = {}) {
    const response = await fetch(`${mock.url}${path}`, init);
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as { error_code?: string; error_msg?: string },
    };
  }
  const postJson = (path: string, body: string) =>
    call(path, { method: 'POST', headers: { ...TOKEN, 'Content-Type': 'application/json' }, body });

  describe('credentials', () => {
    test('no X-Auth-Token: 401 OSM.0002', async () => {
      const answer = await call('/v2/servicerequest/cases/CS1/status');
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error_code: 'OSM.0002', error_msg: expect.stringContaining('X-Auth-Token') });
    });

    test('an empty X-Auth-Token: 401 OSM.0002', async () => {
      const answer = await call('/v2/servicerequest/cases/CS1/status', { headers: { 'X-Auth-Token': '' } });
      expect(answer).toMatchObject({ status: 401, body: { error_code: 'OSM.0002' } });
    });

    test('no X-Auth-Token on a POST with a valid body: still 401', async () => {
      const answer = await call(LABELS, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"name":"a","color":"#000000"}',
      });
      expect(answer).toMatchObject({ status: 401, body: { error_code: 'OSM.0002' } });
    });

    test('a token of 5000 characters is accepted, one of 5001 is a 400 naming the header and the limit', async () => {
      expect((await call('/v2/servicerequest/cases/CS1/status', { headers: { 'X-Auth-Token': 't'.repeat(5000) } })).status).toBe(200);
      const answer = await call('/v2/servicerequest/cases/CS1/status', { headers: { 'X-Auth-Token': 't'.repeat(5001) } });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error_code: 'OSM.0001',
        error_msg: 'Invalid request: header parameter X-Auth-Token: must NOT have more than 5000 characters',
      });
    });

    test('an AK/SK Authorization header stands in for the token (its signature is not checked)', async () => {
      const answer = await call('/v2/servicerequest/cases/CS1/status', {
        headers: { Authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00' },
      });
      expect(answer.status).toBe(200);
    });
  });

  describe('parameters and bodies: 400 OSM.0001 naming the parameter and the rule', () => {
    test.each([
      ['a missing required query parameter', `${EXPORT}?timezone=GMT%2B8`, 'query parameter language: is required'],
      [
        'a too-long query string',
        `${EXPORT}?timezone=GMT%2B8&language=${'x'.repeat(33)}`,
        'query parameter language: must NOT have more than 32 characters',
      ],
      ['an out-of-range number', '/v2/servicerequest/cases?limit=101', 'query parameter limit: must be <= 100'],
      ['a negative number', '/v2/servicerequest/cases?offset=-1', 'query parameter offset: must be >= 0'],
      ['a number that is not one', '/v2/servicerequest/cases?limit=ten', 'query parameter limit: must be integer'],
      [
        'a value outside the enum',
        '/v2/servicerequest/cases?status=9',
        'query parameter status: must be equal to one of the allowed values: 0, 1, 2, 3, 4, 12, 17',
      ],
    ])('%s', async (_, path, reason) => {
      const answer = await call(path, { headers: TOKEN });
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error_code: 'OSM.0001', error_msg: `Invalid request: ${reason}` });
    });

    test('a too-long header', async () => {
      const answer = await call('/v2/servicerequest/cases/CS1/status', { headers: { ...TOKEN, 'X-Language': 'x'.repeat(33) } });
      expect(answer).toMatchObject({
        status: 400,
        body: {
          error_code: 'OSM.0001',
          error_msg: expect.stringMatching(/header parameter x-language: must NOT have more than 32 characters/i),
        },
      });
    });

    test('a missing required body field', async () => {
      const answer = await postJson(LABELS, '{"color":"#000000"}');
      expect(answer).toEqual(
        expect.objectContaining({
          status: 400,
          body: { error_code: 'OSM.0001', error_msg: 'Invalid request: body field name: is required' },
        }),
      );
    });

    test('a too-long body field', async () => {
      const answer = await postJson(LABELS, JSON.stringify({ name: 'n'.repeat(65), color: '#000000' }));
      expect(answer.body).toEqual({
        error_code: 'OSM.0001',
        error_msg: 'Invalid request: body field name: must NOT have more than 64 characters',
      });
    });

    test('several problems at once are all named', async () => {
      const answer = await postJson(LABELS, JSON.stringify({ name: 'n'.repeat(65) }));
      expect(answer.body.error_msg).toContain('body field name: must NOT have more than 64 characters');
      expect(answer.body.error_msg).toContain('body field color: is required');
    });

    test('a malformed JSON body', async () => {
      const answer = await postJson(LABELS, '{"name": "a",');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ error_code: 'OSM.0001', error_msg: 'Invalid request: body: must be well-formed JSON' });
    });

    test("Prism's own list of violations stays in the sl-violations header", async () => {
      const answer = await call(`${EXPORT}?timezone=GMT%2B8&language=${'x'.repeat(33)}`, { headers: TOKEN });
      expect(JSON.parse(answer.headers.get('sl-violations') ?? '[]')).toEqual([
        expect.objectContaining({ location: ['request', 'query', 'language'] }),
      ]);
    });
  });

  describe('paths the API does not have: 404 APIGW.0101', () => {
    test('an unknown path', async () => {
      const answer = await call('/v2/servicerequest/no-such-thing', { headers: TOKEN });
      expect(answer).toEqual(
        expect.objectContaining({
          status: 404,
          body: { error_code: 'APIGW.0101', error_msg: 'The API does not exist: GET /v2/servicerequest/no-such-thing' },
        }),
      );
    });

    test('a method the path does not have', async () => {
      const answer = await call('/v2/servicerequest/cases/CS1/status', { method: 'DELETE', headers: TOKEN });
      expect(answer).toMatchObject({ status: 404, body: { error_code: 'APIGW.0101' } });
    });
  });
});
