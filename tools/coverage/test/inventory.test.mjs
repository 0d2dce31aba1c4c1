// The coverage check: what counts as covered, what is reported, and that the real spec passes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkErrorCodes,
  checkOperations,
  checkSdkFields,
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
const marked = { 'x-source': 'huawei-sdk', description: 'Shows a thing. **Beyond the reference**: from the SDKs.' };
const errataRow = '| showThing | `GET /v2.0/a/{id}` | ... | SDK files |';

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
    expect(checkOperations([row], specWith('/v2/a/{id}', 'get', marked), '')[0].problem).toMatch(
      /x-source: huawei-sdk, but the reference documents it/,
    );
  });
});

describe('checkSdkOperations', () => {
  it("accepts an operation at the SDKs' method and path with its three markers", () => {
    expect(checkSdkOperations([sdkRow], specWith('/v2.0/a/{id}', 'get', marked), errataRow)[0].problem).toBeUndefined();
  });

  it('reports a missing operation, another method or path (no ERRATA exception), and each missing marker', () => {
    const check = (spec, errata = errataRow) => checkSdkOperations([sdkRow], spec, errata)[0].problem;
    expect(check({ paths: {} })).toBe('missing from the spec');
    expect(check(specWith('/v2.0/a/{id}', 'post', marked))).toMatch(/POST \/v2\.0\/a\/\{id\} in the spec, GET/);
    expect(check(specWith('/v2/a/{id}', 'get', marked))).toMatch(/GET \/v2\/a\/\{id\} in the spec/);
    expect(check(specWith('/v2.0/a/{id}', 'get', { description: marked.description }))).toBe('lacks x-source: huawei-sdk');
    expect(check(specWith('/v2.0/a/{id}', 'get', { 'x-source': 'huawei-sdk', description: 'Shows a thing.' }))).toMatch(
      /does not say "Beyond the reference"/,
    );
    expect(check(specWith('/v2.0/a/{id}', 'get', marked), '')).toBe('ERRATA.md has no provenance row for it');
  });
});

describe('checkSdkFields', () => {
  const specWithField = (field) => ({ components: { schemas: { Thing: { properties: { id: { type: 'string' }, extra: field } } } } });
  const field = { type: 'string', 'x-source': 'huawei-sdk', description: 'Extra. Beyond the reference: the SDK model has it.' };

  it('lists the marked properties only, as Schema.property, fine with the three markers', () => {
    expect(checkSdkFields(specWithField(field), '| `Thing.extra` | (5.1.1) | ... |')).toEqual([
      { field: 'Thing.extra', problem: undefined },
    ]);
  });

  it('reports another x-source value, a description without the sentence, and a missing ERRATA row', () => {
    const problem = (f, errata = '| `Thing.extra` | x |') => checkSdkFields(specWithField(f), errata)[0].problem;
    expect(problem({ ...field, 'x-source': 'guess' })).toMatch(/x-source is guess/);
    expect(problem({ ...field, description: 'Extra.' })).toMatch(/does not say/);
    expect(problem(field, '')).toBe('ERRATA.md has no provenance row for it');
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
    const result = checkSdkOperations(sdk, spec(), readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8'));
    expect(result.map((r) => r.sdk_operation).sort()).toEqual([
      'CreateDiagnoseFeedback',
      'CreateDiagnoseJob',
      'CreateFeedback',
      'ListDiagnoseItems',
      'ListDiagnoseJob',
      'ListDiagnoseRecords',
      'ListDiagnoseResources',
      'ListOrderIncident',
      'ShowConfiguration',
      'ShowDownloadAccessoryUrl',
      'ShowLoginType',
    ]);
    expect(result.filter((r) => r.problem)).toEqual([]);
    expect(unlistedOperations(spec(), inventoryOperations(root), sdk)).toEqual([]);
  });

  it('marks the 6 fields beyond the reference, each with its ERRATA row', () => {
    const fields = checkSdkFields(spec(), readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8'));
    expect(fields.map((f) => f.field).sort()).toEqual([
      'AccessoryUrl.accessory_name',
      'IncidentInfoV2.confirmed_time',
      'IncidentInfoV2.incident_service_type',
      'IncidentInfoV2.product_category_name',
      'IncidentInfoV2.resolution',
      'IncidentInfoV2.root_cause',
    ]);
    expect(fields.filter((f) => f.problem)).toEqual([]);
  });

  it('covers all 64 error codes with their HTTP status', () => {
    const catalogue = parse(readFileSync(join(root, 'spec', 'error-codes.yaml'), 'utf8')).codes;
    const result = checkErrorCodes(inventoryErrorCodes(root), catalogue);
    expect(result).toHaveLength(64);
    expect(result.filter((r) => r.problem)).toEqual([]);
    expect(checkErrorCodes([{ code: 'OSM.9', http_status: '200', in_historical_table: 'no' }], catalogue)[0].problem).toMatch(/missing/);
  });
});
