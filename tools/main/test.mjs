// `npm test`: the full test suite from a fresh clone. Installs what is missing, lints the spec, builds
// everything, runs every package's tests (unit, contract, mock, browser, pack), then prints one summary line.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensurePnpm, ensureTestTools, env, installDependencies, main, root, run, step } from './bootstrap.mjs';

/** The workspace folders with a `test` script: each writes its vitest report to test-artifacts/vitest.json. */
function testedFolders() {
  const folders = [];
  for (const parent of ['packages', '.']) {
    for (const name of readdirSync(join(root, parent))) {
      const manifest = join(root, parent, name, 'package.json');
      if (parent === '.' && name === 'packages') continue;
      if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) folders.push(join(root, parent, name));
    }
  }
  return folders;
}

const reportOf = (folder) => join(folder, 'test-artifacts', 'vitest.json');

/**
 * Sums the vitest reports. A test file that failed without a failing test (it did not load) counts as one
 * failure, and so does a package that wrote no report (its build failed, so its tests never ran): the
 * closing line never reads "0 failed" over a red run.
 */
function summarize(folders) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const missing = [];
  for (const folder of folders) {
    if (!existsSync(reportOf(folder))) {
      missing.push(relative(root, folder));
      failed += 1;
      continue;
    }
    const json = JSON.parse(readFileSync(reportOf(folder), 'utf8'));
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    skipped += json.numPendingTests + json.numTodoTests;
    failed += json.testResults.filter(
      (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
    ).length;
  }
  if (missing.length) console.log(`No test report from ${missing.join(', ')}: counted as one failure each (see the output above).`);
  return { passed, failed, skipped };
}

/**
 * Starts `command` in the repository root with its output going to a scratch file; `done()` waits for it
 * and gives its exit status and output. (A file, not a pipe: nothing reads a pipe while turbo runs.)
 */
function startCaptured(command, args) {
  const folder = mkdtempSync(join(tmpdir(), 'osm-openapi-test-'));
  const file = join(folder, 'output.txt');
  const fd = openSync(file, 'w');
  const child = spawn(command, args, {
    cwd: root,
    env: { ...env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const exit = new Promise((resolve) => {
    child.once('error', (error) => resolve({ status: -1, error }));
    child.once('close', (status, signal) => resolve({ status: status ?? signal }));
  });
  return {
    async done() {
      const { status, error } = await exit;
      const output = `${readFileSync(file, 'utf8')}${error ? `${error.message}\n` : ''}`;
      rmSync(folder, { recursive: true, force: true });
      return { status, output };
    },
  };
}

await main(async () => {
  const started = Date.now();
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  ensureTestTools();
  // Formatting and lint findings are reported with the test results rather than stopping the run: one
  // misplaced comma should not hide what the tests say. Biome runs while turbo does (it takes a few seconds
  // that would otherwise come first); what it says is printed once turbo is done.
  const formatCheck = startCaptured(pnpm[0], [...pnpm.slice(1), 'run', '--silent', 'lint:format']);
  step('Lint the spec, check coverage, build, check and test every package (turbo); Biome checks the format meanwhile');
  // A report left by an earlier run must not stand in for a package whose tests do not run this time
  // (turbo restores the report of a cached run itself).
  const folders = testedFolders();
  for (const folder of folders) rmSync(reportOf(folder), { force: true });
  let failure;
  try {
    run(pnpm[0], [
      ...pnpm.slice(1),
      'exec',
      'turbo',
      'run',
      'lint:spec',
      'coverage',
      'lint:package',
      'test',
      '--continue',
      '--output-logs=new-only',
    ]);
  } catch (error) {
    failure = error;
  }
  step('Format and lint check of the code (pnpm lint:format: Biome, biome.jsonc)');
  const format = await formatCheck.done();
  process.stdout.write(format.output);
  const formatFailure = format.status === 0 ? undefined : new Error(`pnpm lint:format failed with exit code ${format.status}`);
  const { passed, failed: testsFailed, skipped } = summarize(folders);
  const failed = testsFailed + (formatFailure ? 1 : 0);
  step(`Done in ${Math.round((Date.now() - started) / 1000)} s`);
  if (formatFailure) console.log('The format and lint check failed (counted as one failure): `pnpm format` fixes what it can, see above.');
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failure) throw failure;
  if (formatFailure) throw formatFailure;
  if (passed === 0) throw new Error('No test ran.');
});
