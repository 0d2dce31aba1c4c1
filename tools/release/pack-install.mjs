// Packs the public packages as `pnpm publish` would (workspace: specifiers rewritten to versions) and
// installs the tarballs into a scratch project with plain npm: what a user gets from the registry,
// with no workspace links.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPublicPackages } from './public-packages.mjs';

/** The child environment: this process's, minus the npm_* settings pnpm passes to scripts it runs. */
export function cleanEnv() {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

/** How to run pnpm: the one running us (npm_execpath, when it is pnpm), else the one on PATH. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath) ? [process.execPath, execPath] : ['pnpm'];
}

function runOrThrow(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    const reason = result.error?.message ?? `exit code ${result.status ?? result.signal}`;
    // A timed-out npm is most often a registry it cannot reach or whose certificate it does not trust.
    const hint =
      result.error?.code === 'ETIMEDOUT' ? ' (is the registry reachable, and NODE_EXTRA_CA_CERTS set where TLS is intercepted?)' : '';
    throw new Error(
      `${[command, ...args].join(' ')} failed (${reason})${hint} in ${options.cwd}:\n${result.stdout ?? ''}${result.stderr ?? ''}`,
    );
  }
  return result.stdout;
}

/**
 * Packs every public package of the workspace into `destination`.
 * @returns {{ name: string, version: string, tarball: string, files: string[] }[]}
 */
export function packPublicPackages(root, destination) {
  mkdirSync(destination, { recursive: true });
  const [command, ...prefix] = pnpmCommand();
  return readPublicPackages(root).map(({ dir }) => {
    const output = runOrThrow(command, [...prefix, 'pack', '--pack-destination', destination, '--json'], {
      cwd: join(root, dir),
      env: cleanEnv(),
    });
    const packed = JSON.parse(output);
    return { name: packed.name, version: packed.version, tarball: packed.filename, files: packed.files.map((f) => f.path) };
  });
}

/**
 * Creates a project in `dir` depending on the tarballs (and on `extra` registry packages) and installs it
 * with npm, preferring its cache.
 * @param {string} dir an empty folder outside the workspace
 * @param {{ name: string, tarball: string }[]} packed
 * @param {Record<string, string>} extra e.g. `{ typescript: '5.9.3' }`
 */
export function installTarballs(dir, packed, extra = {}) {
  const dependencies = { ...extra };
  for (const { name, tarball } of packed) dependencies[name] = `file:${tarball}`;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'osm-openapi-pack-check', version: '0.0.0', private: true, type: 'module', dependencies }, null, 2),
  );
  // Bounded: npm retries a registry it cannot reach (or whose TLS it does not trust) for a long time, and a
  // synchronous child would hold the test runner's own timeouts off meanwhile.
  runOrThrow('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: cleanEnv(),
    timeout: 240_000,
  });
}
