// Prism's validation: what the steps before it leave (a required parameter missing, the body against its
// schema) becomes violations, and Prism's own diagnostics are kept for the sl-violations header.
import { describe, expect, test } from 'vitest';
import { parseBody } from '../../src/engine/steps/body.js';
import { decodeParameters } from '../../src/engine/steps/decode.js';
import { checkWithPrism } from '../../src/engine/steps/prism-validation.js';
import { exchange, request } from './exchange.js';

async function validated(method: string, url: string, body?: string) {
  const ex = exchange(request(method, url, body ? { 'content-type': 'application/json' } : {}, body));
  decodeParameters(ex);
  await parseBody(ex);
  expect(await checkWithPrism(ex)).toBeUndefined();
  return ex;
}

describe('Prism validation step', () => {
  test('a missing required query parameter is a violation', async () => {
    const ex = await validated('GET', '/v1/gauges/g1');
    expect(ex.violations).toEqual([{ where: 'query parameter limit', rule: 'is required' }]);
    expect(ex.reported[0]?.location).toEqual(['request', 'query']);
  });

  test('a body against its schema: a missing field and a value over its maximum', async () => {
    const ex = await validated('PUT', '/v1/gauges/g1', '{"level":10}');
    expect(ex.violations).toEqual([{ where: 'body field level', rule: 'must be <= 9' }]);
    const missing = await validated('PUT', '/v1/gauges/g1', '{"note":{}}');
    expect(missing.violations).toEqual([{ where: 'body field level', rule: 'is required' }]);
  });

  test('a valid request adds nothing', async () => {
    const ex = await validated('GET', '/v1/gauges/g1?limit=3');
    expect([ex.violations, ex.reported]).toEqual([[], []]);
  });
});
