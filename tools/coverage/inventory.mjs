// Compares the bundled spec with the reference's inventory (reference/operations.tsv and
// reference/error-codes.tsv): which operations and error codes are there, and how they differ.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function readTsv(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((value, i) => [names[i], value])));
}

/** The 84 operations of the reference: section, method, path_as_documented, operation_id, title. */
export function inventoryOperations(root) {
  return readTsv(join(root, 'reference', 'operations.tsv'));
}

/** The 64 error codes of table 7.1: http_status, code, in_current_table, in_historical_table. */
export function inventoryErrorCodes(root) {
  return readTsv(join(root, 'reference', 'error-codes.tsv'));
}

/** operationId -> { method, path } for every operation of a spec document. */
export function specOperations(spec) {
  const found = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (item[method]?.operationId) found.set(item[method].operationId, { method: method.toUpperCase(), path });
    }
  }
  return found;
}

/**
 * Checks each inventory operation against the spec. A path may differ from the documented one only
 * where ERRATA.md has a row for that section naming the spec's path.
 */
export function checkOperations(inventory, spec, errata) {
  const found = specOperations(spec);
  const errataRows = errata.split('\n').filter((line) => line.startsWith('|'));
  return inventory.map((row) => {
    const op = found.get(row.operation_id);
    if (!op) return { ...row, problem: 'missing from the spec' };
    if (op.method !== row.method) return { ...row, problem: `method is ${op.method} in the spec, ${row.method} in the reference` };
    if (op.path !== row.path_as_documented) {
      const recorded = errataRows.some((line) => line.startsWith(`| ${row.section} `) && line.includes(op.path));
      if (!recorded) return { ...row, problem: `path ${op.path} differs from the documented ${row.path_as_documented} and ERRATA.md has no row for it` };
    }
    return { ...row, problem: undefined };
  });
}

/** Checks each inventory error code against the catalogue (code present, same HTTP status, same 7.3 flag). */
export function checkErrorCodes(inventory, catalogue) {
  const byCode = new Map(catalogue.map((entry) => [entry.code, entry]));
  return inventory.map((row) => {
    const entry = byCode.get(row.code);
    if (!entry) return { ...row, problem: 'missing from spec/error-codes.yaml' };
    if (entry.http_status !== Number(row.http_status)) return { ...row, problem: `HTTP ${entry.http_status} in the catalogue, ${row.http_status} in the reference` };
    if (entry.historical?.in_table_7_3 !== (row.in_historical_table === 'yes')) return { ...row, problem: 'historical (table 7.3) flag differs' };
    return { ...row, problem: undefined };
  });
}
