// Bundles spec/openapi.yaml into dist/openapi.{json,yaml} with Redocly, and the error catalogue
// spec/error-codes.yaml into dist/error-codes.json. Fails loudly, naming the file, if either is broken.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const root = join(pkg, '..', '..');
const dist = join(pkg, 'dist');
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');

mkdirSync(dist, { recursive: true });
for (const ext of ['json', 'yaml']) {
  const out = join(dist, `openapi.${ext}`);
  console.log(`bundle: spec/openapi.yaml -> ${relative(root, out)}`);
  execFileSync(process.execPath, [redocly, 'bundle', 'spec/openapi.yaml', '--output', out, '--ext', ext], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
}

const catalogueFile = join(root, 'spec', 'error-codes.yaml');
const catalogue = parse(readFileSync(catalogueFile, 'utf8'));
if (!Array.isArray(catalogue?.codes)) {
  throw new Error(`${relative(root, catalogueFile)}: expected a top-level "codes" list`);
}
writeFileSync(join(dist, 'error-codes.json'), `${JSON.stringify(catalogue.codes, null, 2)}\n`);
console.log(`bundle: spec/error-codes.yaml -> packages/spec/dist/error-codes.json (${catalogue.codes.length} codes)`);
