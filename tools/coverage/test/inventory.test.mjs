// The coverage check: what counts as covered, what is reported, and that the real spec passes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  checkErrorCodes,
  checkOperations,
  checkSdkOperations,
  inventoryErrorCodes,
  inventoryOperations,
  inventorySdkOperations,
  unlistedOperations,
} from '../inventory.mjs';

const root = join(import.meta.dirname, '..', '..', '..');
const row = { section: '5.11.7', method: 'GET', path_as_documented: '/v2/a/{id}', operation_id: 'showThing', title: 'x' };
const specWith = (path, method = 'get', extra = {}) => ({ paths: { [path]: { [method]: { operationId: 'showThing', ...extra } } } });
const sdkRow = { method: 'GET', path: '/v2.0/a/{id}', operation_id: 'showThing', sdk_operation: 'ShowThing' };
const marked = { 'x-source': 'huawei-sdk' };

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

  it('reports a documented operation marked as beyond the reference', () => {
    expect(checkOperations([row], specWith('/v2/a/{id}', 'get', marked), '')[0].problem).toMatch(/x-source: huawei-sdk, but the reference documents it/);
  });
});

describe('checkSdkOperations', () => {
  it('accepts an operation at the SDKs\' method and path, marked x-source: huawei-sdk', () => {
    expect(checkSdkOperations([sdkRow], specWith('/v2.0/a/{id}', 'get', marked))[0].problem).toBeUndefined();
  });

  it('reports a missing operation, another method or path (no ERRATA exception), and a missing marker', () => {
    expect(checkSdkOperations([sdkRow], { paths: {} })[0].problem).toBe('missing from the spec');
    expect(checkSdkOperations([sdkRow], specWith('/v2.0/a/{id}', 'post', marked))[0].problem).toMatch(/POST \/v2\.0\/a\/\{id\} in the spec, GET/);
    expect(checkSdkOperations([sdkRow], specWith('/v2/a/{id}', 'get', marked))[0].problem).toMatch(/GET \/v2\/a\/\{id\} in the spec/);
    expect(checkSdkOperations([sdkRow], specWith('/v2.0/a/{id}'))[0].problem).toBe('lacks x-source: huawei-sdk');
  });
});

describe('unlistedOperations', () => {
  it('names the operations of the spec that no inventory lists', () => {
    const spec = { paths: { '/a': { get: { operationId: 'showThing' }, post: { operationId: 'createThing' } } } };
    expect(unlistedOperations(spec, [row], [])).toEqual(['createThing']);
    expect(unlistedOperations(spec, [row], [{ operation_id: 'createThing' }])).toEqual([]);
  });
});

describe('the repository', () => {
  const spec = () => JSON.parse(readFileSync(join(root, 'packages', 'spec', 'dist', 'openapi.json'), 'utf8'));

  it('covers all 84 operations of the reference', () => {
    const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
    const result = checkOperations(inventoryOperations(root), spec(), errata);
    expect(result).toHaveLength(84);
    expect(result.filter((r) => r.problem)).toEqual([]);
  });

  it('covers the 11 operations beyond the reference, marked, and has no operation outside both inventories', () => {
    const sdk = inventorySdkOperations(root);
    const result = checkSdkOperations(sdk, spec());
    expect(result.map((r) => r.sdk_operation).sort()).toEqual([
      'CreateDiagnoseFeedback', 'CreateDiagnoseJob', 'CreateFeedback', 'ListDiagnoseItems', 'ListDiagnoseJob', 'ListDiagnoseRecords',
      'ListDiagnoseResources', 'ListOrderIncident', 'ShowConfiguration', 'ShowDownloadAccessoryUrl', 'ShowLoginType',
    ]);
    expect(result.filter((r) => r.problem)).toEqual([]);
    expect(unlistedOperations(spec(), inventoryOperations(root), sdk)).toEqual([]);
  });

  it('covers all 64 error codes with their HTTP status', () => {
    const catalogue = parse(readFileSync(join(root, 'spec', 'error-codes.yaml'), 'utf8')).codes;
    const result = checkErrorCodes(inventoryErrorCodes(root), catalogue);
    expect(result).toHaveLength(64);
    expect(result.filter((r) => r.problem)).toEqual([]);
    expect(checkErrorCodes([{ code: 'OSM.9', http_status: '200', in_historical_table: 'no' }], catalogue)[0].problem).toMatch(/missing/);
  });
});
