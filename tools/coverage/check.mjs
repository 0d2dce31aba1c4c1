// `pnpm coverage`: prints how much of the inventories in reference/ the bundled spec covers - N/95
// operations (the reference's 84, then the 11 beyond it that Huawei's SDKs have, listed by name, and the
// fields beyond it), N/64
// error codes - and lists what is missing or different. Exits 1 if anything is.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { checkInventories } from './inventory.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundle = join(root, 'packages', 'spec', 'dist', 'openapi.json');
if (!existsSync(bundle)) {
  console.error('coverage: packages/spec/dist/openapi.json is missing - run the bundle first (pnpm turbo run bundle).');
  process.exit(1);
}
const spec = JSON.parse(readFileSync(bundle, 'utf8'));
const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
const catalogue = parse(readFileSync(join(root, 'spec', 'error-codes.yaml'), 'utf8')).codes;

const { documented, beyond, fields, unlisted, codes } = checkInventories(root, spec, errata, catalogue);
const total = documented.length + beyond.length;
const bad = [...documented, ...beyond].filter((o) => o.problem);
const badFields = fields.filter((f) => f.problem);
const badCodes = codes.filter((c) => c.problem);

console.log(`${total - bad.length}/${total} operations (${documented.length} in the reference, ${beyond.length} beyond it)`);
for (const o of documented.filter((row) => row.problem)) console.log(`  ${o.section} ${o.operation_id}: ${o.problem}`);
console.log(`  beyond the reference, from Huawei's SDKs (x-source: huawei-sdk):`);
for (const o of beyond) console.log(`    ${o.method.padEnd(6)} ${o.path} ${o.operation_id}${o.problem ? `: ${o.problem}` : ''}`);
console.log(`  ${fields.length} fields beyond the reference: ${fields.map((f) => f.field).join(', ')}`);
for (const f of badFields) console.log(`    ${f.field}: ${f.problem}`);
for (const id of unlisted)
  console.log(`  ${id}: in the spec, but in no inventory (reference/operations.tsv, reference/sdk-operations.tsv)`);
console.log(`${codes.length - badCodes.length}/${codes.length} error codes`);
for (const c of badCodes) console.log(`  ${c.code}: ${c.problem}`);
process.exitCode = bad.length || badFields.length || unlisted.length || badCodes.length ? 1 : 0;
