// Prefer: the header is read, an answer chosen with Accept; what the operation cannot give is refused.
import { describe, expect, test } from 'vitest';
import { readPreferences } from '../../src/engine/steps/prefer.js';
import { bodyOf, exchange, request } from './exchange.js';

describe('Prefer step', () => {
  test('no Prefer: the first success, its first content', () => {
    const ex = exchange(request('GET', '/v1/gauges/g1'));
    expect(readPreferences(ex)).toBeUndefined();
    expect(ex.selection).toMatchObject({ status: 200, content: { mediaType: 'application/json' } });
  });

  test('example= finds the response holding it; code= the status', () => {
    const byExample = exchange(request('GET', '/v1/gauges/g1', { prefer: 'example=badRequest' }));
    readPreferences(byExample);
    expect(byExample.selection).toMatchObject({ status: 400, example: 'badRequest' });
    const byCode = exchange(request('GET', '/v1/gauges/g1', { prefer: 'code=200, example=empty' }));
    readPreferences(byCode);
    expect(byCode.selection).toMatchObject({ status: 200, example: 'empty' });
    expect(byCode.prefer).toMatchObject({ code: 200, example: 'empty' });
  });

  test('an unreadable Prefer or a choice the operation lacks: 400 saying what it has', () => {
    const unreadable = readPreferences(exchange(request('GET', '/v1/gauges/g1', { prefer: 'code=abc' })));
    expect(unreadable?.status).toBe(400);
    expect(bodyOf(unreadable).error_msg).toContain('header parameter Prefer: code=abc: must be a three-digit HTTP status');
    const missing = readPreferences(exchange(request('GET', '/v1/gauges/g1', { prefer: 'example=nope' })));
    expect(bodyOf(missing).error_msg).toContain('full, empty (200); badRequest (400)');
  });
});
