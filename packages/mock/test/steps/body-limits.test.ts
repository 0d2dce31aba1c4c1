// Body limits: over 10 MiB is 413, a compressed body 415, before any step reads the body.
import { describe, expect, test } from 'vitest';
import { checkBodyLimits, MAX_BODY_BYTES } from '../../src/engine/steps/body-limits.js';
import { bodyOf, exchange, request } from './exchange.js';

describe('body limits step', () => {
  test('a body over 10 MiB: 413', () => {
    const answer = checkBodyLimits(
      exchange(request('PUT', '/v1/gauges/g1', { 'content-type': 'application/json' }, new Uint8Array(MAX_BODY_BYTES + 1))),
    );
    expect(answer?.status).toBe(413);
    expect(bodyOf(answer).error_msg).toContain('must NOT be larger than 10485760 bytes');
  });

  test('a compressed body: 415 naming the encoding; identity passes', () => {
    const gzip = checkBodyLimits(exchange(request('PUT', '/v1/gauges/g1', { 'content-encoding': 'gzip' }, '{}')));
    expect(gzip?.status).toBe(415);
    expect(bodyOf(gzip).error_msg).toContain('got gzip');
    expect(checkBodyLimits(exchange(request('PUT', '/v1/gauges/g1', { 'content-encoding': 'Identity ' }, '{}')))).toBeUndefined();
    expect(checkBodyLimits(exchange(request('PUT', '/v1/gauges/g1', {}, new Uint8Array(MAX_BODY_BYTES))))).toBeUndefined();
  });
});
