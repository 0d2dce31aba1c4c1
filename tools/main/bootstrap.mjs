// Set-up shared by `npm start`, `npm test` and `npm run bench`: makes sure they run on the toolchain Node
// (node-toolchain.mjs), and that pnpm and the workspace's
// dependencies are there (and Chromium, for the browser tests), saying what it does. Node built-ins only,
// because it runs before anything is installed.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnToolchainNode } from './node-toolchain.mjs';
import { planTestTools } from './test-tools.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PNPM_VERSION = '10.34.9';

/** Environment for every child: no telemetry, no prompts. */
export const env = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
  npm_config_update_notifier: 'false',
};

/** Prints one progress line, prefixed so it stands out from the tools' own output. */
export function step(message) {
  console.log(`\n▶ ${message}`);
}

function works(command, args) {
  const result = spawnSync(command, args, { env, stdio: 'ignore' });
  return result.status === 0;
}

/** Returns the command that runs pnpm: the corepack shim if it can be had, else `npx pnpm@<pin>`. */
export function ensurePnpm() {
  if (works('pnpm', ['--version'])) return ['pnpm'];
  step(`pnpm not found: enabling it through corepack (pinned ${PNPM_VERSION} in package.json)`);
  if (works('corepack', ['enable', 'pnpm']) && works('pnpm', ['--version'])) return ['pnpm'];
  step(`corepack could not provide pnpm: using npx pnpm@${PNPM_VERSION}`);
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

/** Runs a command in the repository root, streaming its output; throws with its exit code on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    throw new Error(`${[command, ...args].join(' ')} failed with exit code ${result.status ?? result.signal}`);
  }
}

/** Installs the workspace's dependencies exactly as the lockfile pins them. */
export function installDependencies(pnpm) {
  step('Installing dependencies (pnpm install --frozen-lockfile)');
  run(pnpm[0], [...pnpm.slice(1), 'install', '--frozen-lockfile', '--reporter=append-only']);
}

/** Installs what the docs tests run besides Node when it is missing (see test-tools.mjs), with root and apt-get. */
export function ensureTestTools() {
  const plan = planTestTools({
    named: process.env.CHROMIUM_PATH,
    exists: existsSync,
    works: (command) => works(command, ['--version']),
    canInstall: process.getuid?.() === 0 && works('apt-get', ['--version']),
  });
  if (plan.error) throw new Error(plan.error);
  if (plan.note) step(plan.note);
  if (!plan.install.length) return;
  step(`Installing Debian's ${plan.install.join(', ')} for the docs tests (apt-get install)`);
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...plan.install], { stdio: 'inherit', env: aptEnv });
}

/** Starts a long-running child in the repository root; it dies with us. */
export function startChild(command, args) {
  return spawn(command, args, { cwd: root, env, stdio: 'inherit' });
}

/**
 * Runs `main` on the toolchain Node (re-running the script under it when this is another Node), printing a
 * clear one-line error (no stack) if it throws, and sets the exit code.
 */
export async function main(fn) {
  try {
    await runOnToolchainNode();
    await fn();
  } catch (error) {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
