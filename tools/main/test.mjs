// `npm test`: the full test suite from a fresh clone. Installs what is missing, lints the spec, builds
// everything, runs every package's tests (unit, contract, mock, browser, pack), then prints one summary line.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensurePnpm, ensureTestTools, installDependencies, main, root, run, step } from './bootstrap.mjs';

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

await main(async () => {
  const started = Date.now();
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  ensureTestTools();
  // Formatting and lint findings are reported with the test results rather than stopping the run: one
  // misplaced comma should not hide what the tests say.
  step('Format and lint check of the code (pnpm lint:format: Biome, biome.jsonc)');
  let formatFailure;
  try {
    run(pnpm[0], [...pnpm.slice(1), 'run', '--silent', 'lint:format']);
  } catch (error) {
    formatFailure = error;
  }
  step('Lint the spec, check coverage, build, check and test every package (turbo)');
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
  const { passed, failed: testsFailed, skipped } = summarize(folders);
  const failed = testsFailed + (formatFailure ? 1 : 0);
  step(`Done in ${Math.round((Date.now() - started) / 1000)} s`);
  if (formatFailure) console.log('The format and lint check failed (counted as one failure): `pnpm format` fixes what it can, see above.');
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failure) throw failure;
  if (formatFailure) throw formatFailure;
  if (passed === 0) throw new Error('No test ran.');
});
