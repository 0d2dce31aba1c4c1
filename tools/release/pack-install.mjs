// Packs the public packages as `pnpm publish` would (workspace: specifiers rewritten to versions) and
// installs the tarballs into a scratch project with plain npm: what a user gets from the registry,
// with no workspace links.
import { spawn } from 'node:child_process';
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

/**
 * Runs a command to its end without blocking the event loop (so that several can run at once, and the test
 * runner's own timers keep working meanwhile); resolves with its stdout, rejects with its output on failure.
 */
function runOrThrow(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    let spawnError;
    child.once('error', (error) => (spawnError = error));
    child.once('close', (code, signal) => {
      if (code === 0) return resolve(stdout);
      const reason = spawnError?.message ?? `exit code ${code ?? signal}`;
      // A killed npm (the timeout below) is most often a registry it cannot reach or whose certificate it does not trust.
      const hint =
        signal === 'SIGTERM' && options.timeout
          ? ` (timed out after ${options.timeout / 1000} s: is the registry reachable, and NODE_EXTRA_CA_CERTS set where TLS is intercepted?)`
          : '';
      reject(new Error(`${[command, ...args].join(' ')} failed (${reason})${hint} in ${options.cwd}:\n${stdout}${stderr}`));
    });
  });
}

/**
 * Packs every public package of the workspace into `destination`, the packages side by side.
 * @returns {Promise<{ name: string, version: string, tarball: string, files: string[] }[]>}
 */
export async function packPublicPackages(root, destination) {
  mkdirSync(destination, { recursive: true });
  const [command, ...prefix] = pnpmCommand();
  return Promise.all(
    readPublicPackages(root).map(async ({ dir }) => {
      const output = await runOrThrow(command, [...prefix, 'pack', '--pack-destination', destination, '--json'], {
        cwd: join(root, dir),
        env: cleanEnv(),
      });
      const packed = JSON.parse(output);
      return { name: packed.name, version: packed.version, tarball: packed.filename, files: packed.files.map((f) => f.path) };
    }),
  );
}

/**
 * Creates a project in `dir` depending on the tarballs (and on `extra` registry packages) and installs it
 * with npm, preferring its cache. Two projects can be installed at once (npm's cache takes concurrent use).
 * @param {string} dir an empty folder outside the workspace
 * @param {{ name: string, tarball: string }[]} packed
 * @param {Record<string, string>} extra e.g. `{ typescript: '5.9.3' }`
 * @returns {Promise<void>}
 */
export async function installTarballs(dir, packed, extra = {}) {
  const dependencies = { ...extra };
  for (const { name, tarball } of packed) dependencies[name] = `file:${tarball}`;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'osm-openapi-pack-check', version: '0.0.0', private: true, type: 'module', dependencies }, null, 2),
  );
  // Bounded: npm retries a registry it cannot reach (or whose TLS it does not trust) for a long time.
  await runOrThrow('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    env: cleanEnv(),
    timeout: 240_000,
  });
}
