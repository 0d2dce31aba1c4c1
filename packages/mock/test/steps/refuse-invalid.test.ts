// The refusal: any violation gathered so far is 400 OSM.0001 naming each, with Prism's diagnostics in
// sl-violations; none lets the request through.
import { describe, expect, test } from 'vitest';
import { refuseInvalid } from '../../src/engine/steps/refuse-invalid.js';
import { bodyOf, exchange, request } from './exchange.js';

describe('refusal step', () => {
  test('violations: 400 OSM.0001 listing them, sl-violations from Prism', () => {
    const ex = exchange(request('GET', '/v1/gauges/g1'));
    ex.violations.push(
      { where: 'query parameter limit', rule: 'is required' },
      { where: 'query parameter unit', rule: 'must be bar or psi' },
    );
    ex.reported.push({ location: ['request', 'query'], message: "must have required property 'limit'" });
    const answer = refuseInvalid(ex);
    expect(answer?.status).toBe(400);
    expect(bodyOf(answer)).toMatchObject({ error_code: 'OSM.0001' });
    expect(bodyOf(answer).error_msg).toContain('query parameter limit: is required');
    expect(bodyOf(answer).error_msg).toContain('query parameter unit: must be bar or psi');
    expect(JSON.parse(answer?.headers['sl-violations'] ?? '[]')).toEqual([
      { location: ['request', 'query'], message: "must have required property 'limit'" },
    ]);
  });

  test('no violation: no answer', () => {
    expect(refuseInvalid(exchange(request('GET', '/v1/gauges/g1')))).toBeUndefined();
  });
});
