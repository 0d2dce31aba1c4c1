// The workspace's TypeScript 7 `tsc` (the root package.json's `typescript`), for the packages that keep
// TypeScript 5 as their own: the client and the mock, whose generators use its compiler API
// (openapi-typescript), generator-check (@hey-api/openapi-ts), and the docs (one msw with the mock). They
// type-check and write declarations with this one, in a quarter to a half of TypeScript 5's CPU time. When
// the builds moved to it, the declarations differed from TypeScript 5's only in quote style and in the order
// of one inferred type's properties, and the pack test's TypeScript 5 and 7 consumers passed.
//
//   import { tsc7 } from '../../tsc.shared.mjs';     the script, to run as `node <tsc7> ...`
//   node ../../tsc.shared.mjs -p tsconfig.json        runs it with these arguments (a package's script)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The path of TypeScript 7's `tsc` script (7.0 exports no `bin/tsc` subpath: found next to its package.json). */
export const tsc7 = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { status, error } = spawnSync(process.execPath, [tsc7, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (error) console.error(`tsc.shared.mjs: TypeScript 7's tsc (${tsc7}) could not be run: ${error.message}`);
  process.exitCode = status ?? 1;
}
