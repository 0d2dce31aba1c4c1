// `lint:package` of the published packages (client, mock, spec), run in the package's folder: the package
// packed once, as it is published (`pnpm pack`: npm's own pack would leave the `catalog:` and `workspace:`
// versions unresolved), then publint (strict) and attw (the ESM consumers' resolutions) over that one
// tarball. Arguments are passed on to attw (the spec: --exclude-entrypoints ./openapi.yaml).
//
//   node ../../lint-package.shared.mjs [attw options]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a command of the package's node_modules/.bin with its output shown; its exit status. */
function run(command, args) {
  const { status, error } = spawnSync(join('node_modules', '.bin', command), args, { stdio: 'inherit' });
  if (error) throw new Error(`${command} could not be run from ${process.cwd()}/node_modules/.bin (pnpm install first?): ${error.message}`);
  return status;
}

const folder = mkdtempSync(join(tmpdir(), 'osm-lint-package-'));
try {
  execFileSync('pnpm', ['pack', '--pack-destination', folder, '--config.ignore-scripts=true'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const packed = readdirSync(folder).find((file) => file.endsWith('.tgz'));
  if (!packed) throw new Error(`pnpm pack wrote no tarball into ${folder}`);
  const tarball = join(folder, packed);
  const attw = [tarball, '--profile', 'esm-only', ...process.argv.slice(2)];
  if (run('publint', ['run', tarball, '--strict']) !== 0) process.exitCode = 1;
  else if (run('attw', [...attw, '--quiet']) === 0)
    console.log('attw: no problems for ESM consumers (node16, bundler); CommonJS and node10 resolution are not supported, on purpose');
  else process.exitCode = run('attw', attw) || 1; // its table, which --quiet leaves out
} catch (error) {
  console.error(`lint:package: ${error.message}`);
  process.exitCode = 1;
} finally {
  rmSync(folder, { recursive: true, force: true });
}
