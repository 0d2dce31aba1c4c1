// Strict mode: query parameters and body fields the spec does not name are violations.
import { describe, expect, test } from 'vitest';
import { parseBody } from '../../src/engine/steps/body.js';
import { decodeParameters } from '../../src/engine/steps/decode.js';
import { refuseUnknownFields } from '../../src/engine/steps/strict.js';
import { exchange, request } from './exchange.js';

describe('strict mode step', () => {
  test('an unknown query parameter and unknown body fields (nested too) are named', async () => {
    const ex = exchange(
      request(
        'PUT',
        '/v1/gauges/g1?extra=1',
        { 'content-type': 'application/json' },
        '{"level":1,"colour":"red","note":{"text":"a","size":2}}',
      ),
    );
    decodeParameters(ex);
    await parseBody(ex);
    refuseUnknownFields(ex);
    expect(ex.violations.map((v) => v.where)).toEqual(['query parameter extra', 'body field colour', 'body field note.size']);
  });

  test('a request naming only what the spec has passes', async () => {
    const ex = exchange(request('PUT', '/v1/gauges/g1', { 'content-type': 'application/json' }, '{"level":1,"note":{"text":"a"}}'));
    decodeParameters(ex);
    await parseBody(ex);
    refuseUnknownFields(ex);
    expect(ex.violations).toEqual([]);
  });
});
