// The steps before routing: the head's size (431), CORS preflights (204 for any path), and GET /.
import { describe, expect, test } from 'vitest';
import { MAX_HEADER_BYTES, refuseLargeHead } from '../../src/engine/steps/head-limit.js';
import { answerIndex } from '../../src/engine/steps/index-page.js';
import { answerPreflight } from '../../src/engine/steps/preflight.js';
import { arrival, bodyOf, request } from './exchange.js';

describe('steps before routing', () => {
  test('headers and URL over 16 KB together: 431', () => {
    const answer = refuseLargeHead(arrival(request('GET', `/v1/gauges/g1?limit=1&pad=${'x'.repeat(MAX_HEADER_BYTES)}`)));
    expect(answer?.status).toBe(431);
    expect(bodyOf(answer).error_msg).toContain('must NOT be larger than 16 KB');
    expect(refuseLargeHead(arrival(request('GET', '/v1/gauges/g1')))).toBeUndefined();
  });

  test('a preflight is answered for any path; an OPTIONS without Origin is not a preflight', () => {
    const preflight = answerPreflight(
      arrival(request('OPTIONS', '/anything', { origin: 'http://page.test', 'access-control-request-method': 'PUT' })),
    );
    expect(preflight).toMatchObject({ status: 204, headers: { 'access-control-allow-origin': 'http://page.test' } });
    expect(answerPreflight(arrival(request('OPTIONS', '/anything')))).toBeUndefined();
  });

  test('GET / and HEAD / answer the index; other paths pass', async () => {
    const step = answerIndex({ name: 'index' });
    expect(bodyOf(await step(arrival(request('GET', '/')))).name).toBe('index');
    expect((await step(arrival(request('HEAD', '/'))))?.status).toBe(200);
    expect(await step(arrival(request('GET', '/v1/health')))).toBeUndefined();
  });
});
