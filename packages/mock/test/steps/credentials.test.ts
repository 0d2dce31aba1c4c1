// Credentials: none at all is 401 OSM.0002 before anything else; one outside the scheme's lengths is 400.
import { describe, expect, test } from 'vitest';
import { checkCredentials } from '../../src/engine/steps/credentials.js';
import { bodyOf, exchange, request } from './exchange.js';

describe('credentials step', () => {
  test('no credential header: 401 OSM.0002', () => {
    const answer = checkCredentials(exchange(request('GET', '/v1/gauges/g1', { 'x-gauge-token': undefined })));
    expect(answer?.status).toBe(401);
    expect(bodyOf(answer).error_code).toBe('OSM.0002');
  });

  test('a credential too long or too short: 400 naming the header and the rule', () => {
    const long = checkCredentials(exchange(request('GET', '/v1/gauges/g1', { 'x-gauge-token': 'x'.repeat(9) })));
    expect(long?.status).toBe(400);
    expect(bodyOf(long).error_msg).toContain('header parameter X-Gauge-Token: must NOT have more than 8 characters');
    const short = checkCredentials(exchange(request('GET', '/v1/gauges/g1', { 'x-gauge-token': 'xy' })));
    expect(bodyOf(short).error_msg).toContain('must NOT have fewer than 4 characters');
  });

  test('a credential of the right length passes, and an operation without security needs none', () => {
    expect(checkCredentials(exchange(request('GET', '/v1/gauges/g1')))).toBeUndefined();
    expect(checkCredentials(exchange(request('GET', '/v1/health', { 'x-gauge-token': undefined })))).toBeUndefined();
  });
});
