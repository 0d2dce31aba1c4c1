// The extension point: responders are asked in order with the validated request (decoded values, the
// raw body, a form's parts) and may answer JSON or bytes.
import { describe, expect, test } from 'vitest';
import { parseBody } from '../../src/engine/steps/body.js';
import { decodeParameters } from '../../src/engine/steps/decode.js';
import { readPreferences } from '../../src/engine/steps/prefer.js';
import { askResponders } from '../../src/engine/steps/responders.js';
import type { ValidatedRequest } from '../../src/engine/types.js';
import { exchange, request } from './exchange.js';

async function ready(method: string, url: string, headers: Record<string, string> = {}, body?: string) {
  const ex = exchange(request(method, url, headers, body));
  readPreferences(ex);
  decodeParameters(ex);
  await parseBody(ex);
  return ex;
}

describe('responders step', () => {
  test('asked in order; the first answer is sent as JSON with the CORS headers', async () => {
    const asked: string[] = [];
    const step = askResponders([
      () => void asked.push('first') as undefined,
      (req) => {
        asked.push('second');
        return { status: 200, body: { level: Number(req.query.limit) } };
      },
      () => {
        asked.push('never');
        return { status: 500 };
      },
    ]);
    const answer = await step(await ready('GET', '/v1/gauges/g1?limit=3', { origin: 'http://page.test' }));
    expect(asked).toEqual(['first', 'second']);
    expect(answer).toMatchObject({
      status: 200,
      body: '{"level":3}',
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': 'http://page.test' },
    });
  });

  test('a responder sees the decoded request, the raw body and the form', async () => {
    let seen: ValidatedRequest | undefined;
    const step = askResponders([(req) => void (seen = req) as undefined]);
    expect(
      await step(await ready('PUT', '/v1/gauges/a%20b', { 'content-type': 'application/json', prefer: 'example=done' }, '{"level":2}')),
    ).toBeUndefined();
    expect(seen).toMatchObject({
      operationId: 'updateGauge',
      method: 'put',
      pathTemplate: '/v1/gauges/{gauge_id}',
      path: { gauge_id: 'a b' },
      body: { level: 2 },
      prefer: { example: 'done' },
      form: undefined,
    });
    expect(new TextDecoder().decode(seen?.raw)).toBe('{"level":2}');
  });

  test('bytes are sent as they are, with their type and headers; HEAD gets no body', async () => {
    const step = askResponders([
      () => ({
        bytes: new Uint8Array([1, 2, 3]),
        contentType: 'application/octet-stream',
        headers: { 'content-disposition': 'attachment; filename="g.bin"' },
      }),
    ]);
    const answer = await step(await ready('GET', '/v1/gauges/g1?limit=1'));
    expect(answer).toMatchObject({
      status: 200,
      headers: { 'content-type': 'application/octet-stream', 'content-length': '3', 'content-disposition': 'attachment; filename="g.bin"' },
    });
    expect(answer?.body).toEqual(new Uint8Array([1, 2, 3]));
    expect((await step(await ready('HEAD', '/v1/gauges/g1?limit=1')))?.body).toBeUndefined();
  });
});
