// Parameter checks: the values Prism's validator misjudges (integers, lists of them, a repeated key of
// a single value, empty values) are checked here in full; other rules and absent parameters are left to Prism's validation.
import { describe, expect, test } from 'vitest';
import { decodeParameters } from '../../src/engine/steps/decode.js';
import { checkParameters } from '../../src/engine/steps/parameters.js';
import { exchange, request } from './exchange.js';

function violationsOf(url: string) {
  const ex = exchange(request('GET', url));
  decodeParameters(ex);
  expect(checkParameters(ex)).toBeUndefined();
  return ex.violations;
}

describe('parameter checks step', () => {
  test('values within their schemas pass', () => {
    expect(violationsOf('/v1/gauges/g1?unit=psi&limit=10')).toEqual([]);
  });

  test('an integer is read as JSON writes it and compared exactly', () => {
    expect(violationsOf('/v1/gauges/g1?limit=11')).toEqual([{ where: 'query parameter limit', rule: 'must be <= 10' }]);
    expect(violationsOf('/v1/gauges/g1?limit=0x1')).toEqual([{ where: 'query parameter limit', rule: 'must be integer' }]);
    expect(violationsOf('/v1/gauges/g1?limit=99999999999999999999')).toEqual([{ where: 'query parameter limit', rule: 'must be <= 10' }]);
    expect(violationsOf('/v1/gauges/g1?limit=1&limit=2')).toEqual([
      { where: 'query parameter limit', rule: 'must be given once, got 2 values' },
    ]);
  });

  test("an empty value is still a value, and other rules are left to Prism's validation", () => {
    expect(violationsOf('/v1/gauges/g1?limit=')).toEqual([{ where: 'query parameter limit', rule: 'must be integer' }]);
    expect(violationsOf('/v1/gauges/g1?unit=atm&limit=1')).toEqual([]);
  });
});
