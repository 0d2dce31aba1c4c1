// Compares the bundled spec with the inventories in reference/: the reference's operations
// (operations.tsv) and error codes (error-codes.tsv), and the operations only Huawei's official SDKs
// have (sdk-operations.tsv) - which are there, and how they differ.
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

/** The 11 operations beyond the reference, from Huawei's SDKs: method, path, operation_id, sdk_operation. */
export function inventorySdkOperations(root) {
  return readTsv(join(root, 'reference', 'sdk-operations.tsv'));
}

/** The 64 error codes of table 7.1: http_status, code, in_current_table, in_historical_table. */
export function inventoryErrorCodes(root) {
  return readTsv(join(root, 'reference', 'error-codes.tsv'));
}

/** The marker of an operation (or field) the reference lacks and Huawei's SDKs have. */
export const SDK_SOURCE = 'huawei-sdk';

/** operationId -> { method, path, source, description } for every operation of a spec document (`source`: its `x-source`). */
export function specOperations(spec) {
  const found = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op?.operationId)
        found.set(op.operationId, { method: method.toUpperCase(), path, source: op['x-source'], description: op.description });
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
      if (!recorded)
        return { ...row, problem: `path ${op.path} differs from the documented ${row.path_as_documented} and ERRATA.md has no row for it` };
    }
    if (op.source !== undefined) return { ...row, problem: `carries x-source: ${op.source}, but the reference documents it` };
    return { ...row, problem: undefined };
  });
}

/** The sentence that opens the part of a description saying an operation or field is beyond the reference. */
const BEYOND = 'Beyond the reference';

/** Whether ERRATA.md has a table row for `name` (its first cell, bare or in backticks). */
function hasErrataRow(errata, name) {
  return errata.split('\n').some((line) => line.startsWith(`| ${name} |`) || line.startsWith(`| \`${name}\` |`));
}

/**
 * Checks each operation of the SDK inventory against the spec: the SDKs' method and path exactly (there is
 * no reference text to correct), and its three markers - `x-source: huawei-sdk`, "Beyond the reference"
 * in its description, a provenance row in ERRATA.md.
 */
export function checkSdkOperations(inventory, spec, errata) {
  const found = specOperations(spec);
  return inventory.map((row) => {
    const op = found.get(row.operation_id);
    if (!op) return { ...row, problem: 'missing from the spec' };
    if (op.method !== row.method || op.path !== row.path) {
      return { ...row, problem: `${op.method} ${op.path} in the spec, ${row.method} ${row.path} in Huawei's SDKs` };
    }
    if (op.source !== SDK_SOURCE) return { ...row, problem: `lacks x-source: ${SDK_SOURCE}` };
    if (!op.description?.includes(BEYOND)) return { ...row, problem: `its description does not say "${BEYOND}"` };
    if (!hasErrataRow(errata, row.operation_id)) return { ...row, problem: 'ERRATA.md has no provenance row for it' };
    return { ...row, problem: undefined };
  });
}

/**
 * The schema properties marked `x-source` (the fields beyond the reference), as `Schema.property`, each
 * checked for the `huawei-sdk` value, "Beyond the reference" in its description and a row in ERRATA.md.
 */
export function checkSdkFields(spec, errata) {
  const fields = [];
  for (const [schema, definition] of Object.entries(spec.components?.schemas ?? {})) {
    for (const [property, field] of Object.entries(definition.properties ?? {})) {
      if (field['x-source'] === undefined) continue;
      const name = `${schema}.${property}`;
      const problem =
        field['x-source'] !== SDK_SOURCE
          ? `x-source is ${field['x-source']}, not ${SDK_SOURCE}`
          : !field.description?.includes(BEYOND)
            ? `its description does not say "${BEYOND}"`
            : !hasErrataRow(errata, name)
              ? 'ERRATA.md has no provenance row for it'
              : undefined;
      fields.push({ field: name, problem });
    }
  }
  return fields;
}

/** operationIds of the spec that no inventory lists (each inventory: rows with `operation_id`). */
export function unlistedOperations(spec, ...inventories) {
  const listed = new Set(inventories.flat().map((row) => row.operation_id));
  return [...specOperations(spec).keys()].filter((id) => !listed.has(id));
}

/** Checks each inventory error code against the catalogue (code present, same HTTP status, same 7.3 flag). */
export function checkErrorCodes(inventory, catalogue) {
  const byCode = new Map(catalogue.map((entry) => [entry.code, entry]));
  return inventory.map((row) => {
    const entry = byCode.get(row.code);
    if (!entry) return { ...row, problem: 'missing from spec/error-codes.yaml' };
    if (entry.http_status !== Number(row.http_status))
      return { ...row, problem: `HTTP ${entry.http_status} in the catalogue, ${row.http_status} in the reference` };
    if (entry.historical?.in_table_7_3 !== (row.in_historical_table === 'yes'))
      return { ...row, problem: 'historical (table 7.3) flag differs' };
    return { ...row, problem: undefined };
  });
}

/**
 * Every check at once, as `pnpm coverage` and the contract tests run them: the reference's operations
 * (`documented`), the SDK-only ones (`beyond`) and fields (`fields`), the spec's operations no inventory
 * lists (`unlisted`) and the error codes (`codes`) against the catalogue.
 */
export function checkInventories(root, spec, errata, catalogue) {
  const documented = checkOperations(inventoryOperations(root), spec, errata);
  const beyond = checkSdkOperations(inventorySdkOperations(root), spec, errata);
  const unlisted = unlistedOperations(spec, documented, beyond);
  const fields = checkSdkFields(spec, errata);
  return { documented, beyond, fields, unlisted, codes: checkErrorCodes(inventoryErrorCodes(root), catalogue) };
}
