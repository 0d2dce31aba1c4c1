// Suite 1: everything the reference documents is in the spec - all 84 operations with the inventory's
// method and operationId (a different path only where spec/ERRATA.md records it), all 64 error codes in
// the catalogue - and every operation has at least one fixture. Uses the same inventory checks as
// `pnpm coverage` (tools/coverage/inventory.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadErrorCodes } from '@osm-openapi/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { checkErrorCodes, checkOperations, inventoryErrorCodes, inventoryOperations } from '../../../../tools/coverage/inventory.mjs';
import { fixturesDir } from '../../src/fixtures.js';
import { reportChecked } from '../../src/report.js';
import { operations, spec } from '../../src/spec-under-test.js';

/** A row of the inventory check, as tools/coverage/inventory.mjs returns it (`problem` unset when it is fine). */
interface OperationRow {
  section: string;
  operation_id: string;
  problem?: string;
}
interface ErrorCodeRow {
  code: string;
  http_status: string;
  problem?: string;
}

const root = join(import.meta.dirname, '..', '..', '..', '..');
const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
const inventory: OperationRow[] = checkOperations(inventoryOperations(root), spec, errata);
const codes: ErrorCodeRow[] = checkErrorCodes(inventoryErrorCodes(root), loadErrorCodes());
const fixtureFolders = readdirSync(fixturesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

function fixtureFiles(operationId: string): string[] {
  const folder = join(fixturesDir, operationId);
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')) : [];
}

describe('1 coverage: the reference inventory vs the spec and the fixtures', () => {
  afterAll(() => reportChecked('coverage', inventory.length, `${codes.length} error codes`));

  it('the inventory has 84 operations and 64 error codes', () => {
    expect(inventory).toHaveLength(84);
    expect(codes).toHaveLength(64);
  });

  describe.each(inventory.map((row) => [`${row.section} ${row.operation_id}`, row] as const))('%s', (_, row) => {
    it('is in the spec with the inventory method and operationId, and its documented path or an ERRATA row', () => {
      if (row.problem) throw new Error(`${row.operation_id} (reference ${row.section}): ${row.problem}`);
    });

    it('has at least one fixture', () => {
      if (!fixtureFiles(row.operation_id).length) {
        throw new Error(`${row.operation_id}: no fixture in fixtures/${row.operation_id}/ (record one: see recording/mock-calls.yaml)`);
      }
    });
  });

  it('the spec has no operation the inventory lacks', () => {
    const known = new Set(inventory.map((row) => row.operation_id));
    expect(operations.map((op) => op.operationId).filter((id) => !known.has(id))).toEqual([]);
  });

  it('every fixture folder names an operation of the spec', () => {
    const known = new Set(operations.map((op) => op.operationId));
    expect(fixtureFolders.filter((name) => !known.has(name)).map((name) => `fixtures/${name}/`)).toEqual([]);
  });

  it.each(codes.map((row) => [row.code, row.http_status, row] as const))('error code %s is in the catalogue with HTTP %s', (_, __, row) => {
    if (row.problem) throw new Error(`${row.code}: ${row.problem}`);
  });
});
