// Suite 1: everything the reference documents is in the spec - all 84 operations with the inventory's
// method and operationId (a different path only where spec/ERRATA.md records it), all 64 error codes in
// the catalogue - and so are the 11 operations beyond it that Huawei's SDKs have (their method and path,
// marked x-source: huawei-sdk); every one of the 95 has at least one fixture. Uses the same inventory
// checks as `pnpm coverage` (tools/coverage/inventory.mjs).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadErrorCodes } from '@osm-openapi/spec';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInventories } from '../../../../tools/coverage/inventory.mjs';
import { fixturesDir } from '../../src/fixtures.js';
import { reportChecked } from '../../src/report.js';
import { operations, spec } from '../../src/spec-under-test.js';

/** A row of the inventory checks, as tools/coverage/inventory.mjs returns it (`problem` unset when it is fine). */
interface OperationRow {
  operation_id: string;
  problem?: string;
}
/** The reference's rows carry their section; the SDK-only rows the SDK's operation name. */
type ReferenceRow = OperationRow & { section: string };
type SdkRow = OperationRow & { sdk_operation: string };
interface ErrorCodeRow {
  code: string;
  http_status: string;
  problem?: string;
}

const root = join(import.meta.dirname, '..', '..', '..', '..');
const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
const checked = checkInventories(root, spec, errata, loadErrorCodes());
const documented: ReferenceRow[] = checked.documented;
const beyond: SdkRow[] = checked.beyond;
const codes: ErrorCodeRow[] = checked.codes;
const inventory: OperationRow[] = [...documented, ...beyond];
const where = (row: OperationRow) =>
  'section' in row ? `reference ${row.section}` : `beyond the reference, SDK ${(row as SdkRow).sdk_operation}`;
const fixtureFolders = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

function fixtureFiles(operationId: string): string[] {
  const folder = join(fixturesDir, operationId);
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.json')) : [];
}

describe('1 coverage: the inventories (reference, SDK-only) vs the spec and the fixtures', () => {
  afterAll(() => reportChecked('coverage', inventory.length, `${codes.length} error codes`));

  it('the inventories have 84 + 11 operations and 64 error codes', () => {
    expect(documented).toHaveLength(84);
    expect(beyond).toHaveLength(11);
    expect(codes).toHaveLength(64);
  });

  describe.each(inventory.map((row) => [`${where(row)} ${row.operation_id}`, row] as const))('%s', (_, row) => {
    it('is in the spec as its inventory says (method, path or an ERRATA row, x-source marker)', () => {
      if (row.problem) throw new Error(`${row.operation_id} (${where(row)}): ${row.problem}`);
    });

    it('has at least one fixture', () => {
      if (!fixtureFiles(row.operation_id).length) {
        throw new Error(`${row.operation_id}: no fixture in fixtures/${row.operation_id}/ (record one: see recording/mock-calls.yaml)`);
      }
    });
  });

  it('the 6 fields beyond the reference carry their markers (x-source, description, ERRATA row)', () => {
    expect(checked.fields).toHaveLength(6);
    expect(checked.fields.filter((f: { problem?: string }) => f.problem)).toEqual([]);
  });

  it('the spec has no operation the inventories lack', () => {
    expect(checked.unlisted).toEqual([]);
    expect(operations).toHaveLength(inventory.length);
  });

  it('every fixture folder names an operation of the spec', () => {
    const known = new Set(operations.map((op) => op.operationId));
    expect(fixtureFolders.filter((name) => !known.has(name)).map((name) => `fixtures/${name}/`)).toEqual([]);
  });

  it.each(codes.map((row) => [row.code, row.http_status, row] as const))('error code %s is in the catalogue with HTTP %s', (_, __, row) => {
    if (row.problem) throw new Error(`${row.code}: ${row.problem}`);
  });
});
