// The coverage check: what counts as covered, what is reported, and that the real spec passes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkErrorCodes, checkOperations, inventoryErrorCodes, inventoryOperations } from '../inventory.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const row = { section: '5.11.7', method: 'GET', path_as_documented: '/v2/a/{id}', operation_id: 'showThing', title: 'x' };
const specWith = (path, method = 'get') => ({ paths: { [path]: { [method]: { operationId: 'showThing' } } } });

describe('checkOperations', () => {
  it('accepts an operation at its documented method and path', () => {
    expect(checkOperations([row], specWith('/v2/a/{id}'), '')[0].problem).toBeUndefined();
  });

  it('reports a missing operation and a wrong method', () => {
    expect(checkOperations([row], { paths: {} }, '')[0].problem).toBe('missing from the spec');
    expect(checkOperations([row], specWith('/v2/a/{id}', 'post'), '')[0].problem).toMatch(/method is POST/);
  });

  it('accepts a different path only when ERRATA.md records it for that section', () => {
    const spec = specWith('/v2/b/{id}');
    expect(checkOperations([row], spec, '')[0].problem).toMatch(/ERRATA\.md has no row/);
    expect(checkOperations([row], spec, '| 5.11.7 | `/v2/a/{id}` | `/v2/b/{id}` | SDK |')[0].problem).toBeUndefined();
    expect(checkOperations([row], spec, '| 5.1.1 | `/v2/a/{id}` | `/v2/b/{id}` | SDK |')[0].problem).toMatch(/no row/);
  });
});

describe('the repository', () => {
  it('covers all 84 operations of the reference', () => {
    const spec = JSON.parse(readFileSync(join(root, 'packages', 'spec', 'dist', 'openapi.json'), 'utf8'));
    const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
    const result = checkOperations(inventoryOperations(root), spec, errata);
    expect(result).toHaveLength(84);
    expect(result.filter((r) => r.problem)).toEqual([]);
  });

  it('covers all 64 error codes with their HTTP status', () => {
    const catalogue = parse(readFileSync(join(root, 'spec', 'error-codes.yaml'), 'utf8')).codes;
    const result = checkErrorCodes(inventoryErrorCodes(root), catalogue);
    expect(result).toHaveLength(64);
    expect(result.filter((r) => r.problem)).toEqual([]);
    expect(checkErrorCodes([{ code: 'OSM.9', http_status: '200', in_historical_table: 'no' }], catalogue)[0].problem).toMatch(/missing/);
  });
});
