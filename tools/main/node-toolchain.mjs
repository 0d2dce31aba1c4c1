// The Node that builds, lints, tests and benchmarks this repository: the version pinned in `.node-version`,
// whatever Node the machine has. The npm registry serves Node's binaries as packages
// (`node-<platform>-<arch>@<version>`, the binary inside the package), so npm - which every Node install
// has - can fetch one with the registry's integrity check, and nothing else is downloaded. The toolchain
// Node's integrity is also pinned here (node-integrity.json, per platform), so that a package changed on
// the registry is refused rather than run: the registry's listing is checked before the download, and what
// npm installed after it. Install scripts are not run. A fetched Node is kept in the user's cache folder
// and reused. Node built-ins only: this runs before anything is installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { constants, homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The pinned toolchain Node, e.g. `24.22.3`. */
export const TOOLCHAIN_NODE = readFileSync(join(root, '.node-version'), 'utf8').trim();

/** Where fetched Nodes are kept: `$XDG_CACHE_HOME/osm-openapi` or `~/.cache/osm-openapi`. */
export function cacheFolder(env = process.env) {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'osm-openapi');
}

/** The pinned integrity of each toolchain Node's package, by version and then `<platform>-<arch>`. */
const PINNED = JSON.parse(readFileSync(join(root, 'tools', 'main', 'node-integrity.json'), 'utf8'));

/** The integrity npm recorded for the package it installed under `prefix`. */
function installedIntegrity(prefix, name) {
  const lock = JSON.parse(readFileSync(join(prefix, 'node_modules', '.package-lock.json'), 'utf8'));
  return lock.packages?.[`node_modules/${name}`]?.integrity;
}

/**
 * The integrity the registry lists for `spec` (`name@version`), read before anything is downloaded;
 * undefined when npm cannot say within two minutes and a MiB of answer (the install that follows then
 * fails with npm's own reason, or is checked after).
 */
function listedIntegrity(spec) {
  const result = spawnSync('npm', ['view', '--json', '--loglevel=error', spec, 'dist.integrity'], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 1024 * 1024,
    stdio: ['ignore', 'pipe', 'ignore'],
    env: npmEnv(),
  });
  try {
    return result.status === 0 ? JSON.parse(result.stdout) : undefined;
  } catch {
    return undefined;
  }
}

/** The error for a package whose integrity is not the pinned one. */
const refusal = (spec, got, pinned) =>
  new Error(`${spec} from the registry has integrity ${got}, not the ${pinned} pinned in tools/main/node-integrity.json: refused`);

/** npm's environment: a machine whose TLS is intercepted gives its CA file to npm as well as to Node. */
function npmEnv() {
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  if (env.NODE_EXTRA_CA_CERTS && !env.npm_config_cafile) env.npm_config_cafile = env.NODE_EXTRA_CA_CERTS;
  return env;
}

/**
 * Returns the folder holding the `node` binary of Node `version` (an exact version such as `24.22.3` or a
 * major such as `26`), fetching it from the npm registry the first time. The package is installed into a
 * folder of its own and renamed into place, so two runs fetching at once cannot leave a half-written Node.
 * @param {string} version
 * @param {{ log?: (line: string) => void }} [options]
 */
export function nodeBinFolder(version, { log = console.log } = {}) {
  const name = `node-${process.platform}-${process.arch}`;
  const prefix = join(cacheFolder(), `node-${version}`);
  const bin = join(prefix, 'node_modules', name, 'bin');
  if (existsSync(join(bin, 'node'))) return bin;
  log(`▶ Fetching Node ${version} from the npm registry (${name}@${version}, about 30 MB, once) into ${prefix}`);
  // A pinned Node is checked twice: the registry's listing before the 30 MB are fetched, and what npm
  // installed after.
  const pinned = PINNED[version]?.[`${process.platform}-${process.arch}`];
  const listed = pinned && listedIntegrity(`${name}@${version}`);
  if (listed && listed !== pinned) throw refusal(`${name}@${version}`, listed, pinned);
  const staging = `${prefix}.partial-${process.pid}`;
  mkdirSync(staging, { recursive: true });
  try {
    const result = spawnSync(
      'npm',
      ['install', '--prefix', staging, '--no-save', '--no-package-lock', '--ignore-scripts', '--loglevel=error', `${name}@${version}`],
      { stdio: ['ignore', 'ignore', 'inherit'], env: npmEnv() },
    );
    if (result.error) throw new Error(`npm could not be run to fetch Node ${version}: ${result.error.message}`);
    if (result.status !== 0) {
      throw new Error(
        `npm could not install ${name}@${version} (exit ${result.status}). The npm registry does not publish every ` +
          `Node for every platform (Node ${TOOLCHAIN_NODE} is there for linux-x64 and linux-arm64); elsewhere, install ` +
          `Node ${TOOLCHAIN_NODE} yourself and run with OSM_NODE=current.`,
      );
    }
    const got = installedIntegrity(staging, name);
    if (pinned && got !== pinned) throw refusal(`${name}@${version}`, got, pinned);
    try {
      renameSync(staging, prefix);
    } catch (error) {
      // Another run got there first: its copy is as good as ours.
      if (!existsSync(join(bin, 'node'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  if (!existsSync(join(bin, 'node'))) throw new Error(`${name}@${version} installed, but it has no bin/node in ${prefix}`);
  return bin;
}

/**
 * Makes the rest of the calling script run on the toolchain Node. On that Node already (or with
 * OSM_NODE=current, which keeps the machine's Node), returns. Otherwise fetches the pinned Node if need be,
 * runs the same script under it with its folder first on PATH (so pnpm, turbo and every child process use
 * it too), passes Ctrl-C and SIGTERM on, and exits with the child's code: the caller's code after this
 * call runs only in the child.
 */
export async function runOnToolchainNode() {
  if (process.versions.node === TOOLCHAIN_NODE) return;
  if (process.env.OSM_NODE === 'current') {
    console.log(`▶ OSM_NODE=current: running on this machine's Node ${process.version} instead of the pinned ${TOOLCHAIN_NODE}`);
    return;
  }
  const bin = nodeBinFolder(TOOLCHAIN_NODE);
  console.log(`▶ This machine has Node ${process.version}; the toolchain runs on Node ${TOOLCHAIN_NODE} (.node-version), from ${bin}`);
  const child = spawn(join(bin, 'node'), process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
  });
  // The child gets a terminal's Ctrl-C itself (same process group); SIGTERM from a supervisor is passed on.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  const { code, signal } = await new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
}
