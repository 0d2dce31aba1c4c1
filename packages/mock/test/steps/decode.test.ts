// Decoding: path parameters and the query are decoded; a malformed escape in the path is refused at
// once, one in the query is a violation reported with the others.
import { describe, expect, test } from 'vitest';
import { decodeParameters } from '../../src/engine/steps/decode.js';
import { bodyOf, exchange, request } from './exchange.js';

describe('decoding step', () => {
  test('path parameters and query values are decoded, repeated keys kept in order', () => {
    const ex = exchange(request('GET', '/v1/gauges/a%2Fb?unit=b%61r&limit=1&limit=2'));
    expect(decodeParameters(ex)).toBeUndefined();
    expect(ex.pathParams).toEqual({ gauge_id: 'a/b' });
    expect(Object.fromEntries(ex.query)).toEqual({ unit: ['bar'], limit: ['1', '2'] });
    expect(ex.violations).toEqual([]);
  });

  test('a malformed escape in the path: 400 at once', () => {
    const answer = decodeParameters(exchange(request('GET', '/v1/gauges/%E0%A4')));
    expect(answer?.status).toBe(400);
    expect(bodyOf(answer).error_msg).toContain('path parameter gauge_id: must be valid percent-encoding (UTF-8)');
  });

  test('a malformed escape in the query: a violation, the pipeline goes on', () => {
    const ex = exchange(request('GET', '/v1/gauges/g1?unit=%ZZ'));
    expect(decodeParameters(ex)).toBeUndefined();
    expect(ex.violations.map((v) => v.where)).toEqual(['query parameter unit']);
  });
});
