// `pnpm coverage`: prints how much of the reference's inventory the bundled spec covers - N/84
// operations, N/64 error codes - and lists what is missing or different. Exits 1 if anything is.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkErrorCodes, checkOperations, inventoryErrorCodes, inventoryOperations } from './inventory.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'packages', 'spec', 'dist', 'openapi.json');
if (!existsSync(bundle)) {
  console.error('coverage: packages/spec/dist/openapi.json is missing - run the bundle first (pnpm turbo run bundle).');
  process.exit(1);
}
const spec = JSON.parse(readFileSync(bundle, 'utf8'));
const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
const catalogue = parse(readFileSync(join(root, 'spec', 'error-codes.yaml'), 'utf8')).codes;

const operations = checkOperations(inventoryOperations(root), spec, errata);
const codes = checkErrorCodes(inventoryErrorCodes(root), catalogue);
const badOps = operations.filter((o) => o.problem);
const badCodes = codes.filter((c) => c.problem);

console.log(`${operations.length - badOps.length}/${operations.length} operations`);
for (const o of badOps) console.log(`  ${o.section} ${o.operation_id}: ${o.problem}`);
console.log(`${codes.length - badCodes.length}/${codes.length} error codes`);
for (const c of badCodes) console.log(`  ${c.code}: ${c.problem}`);
process.exitCode = badOps.length || badCodes.length ? 1 : 0;
