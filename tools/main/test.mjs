// `npm test`: the full test suite from a fresh clone. Installs what is missing, lints the spec, builds
// everything, runs every package's tests (unit, contract, mock, browser, pack), then prints one summary line.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTestTools, ensurePnpm, installDependencies, main, root, run, step } from './bootstrap.mjs';

/** Sums the vitest JSON reports that each package's test script writes to test-artifacts/vitest.json. */
function summarize() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const folder of ['packages', '.']) {
    for (const name of readdirSync(join(root, folder))) {
      const report = join(root, folder, name, 'test-artifacts', 'vitest.json');
      if (!existsSync(report)) continue;
      const json = JSON.parse(readFileSync(report, 'utf8'));
      passed += json.numPassedTests;
      failed += json.numFailedTests;
      skipped += json.numPendingTests + json.numTodoTests;
    }
  }
  return { passed, failed, skipped };
}

await main(async () => {
  const started = Date.now();
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  ensureTestTools();
  step('Lint the spec, check coverage, build, check and test every package (turbo)');
  let failure;
  try {
    run(pnpm[0], [...pnpm.slice(1), 'exec', 'turbo', 'run', 'lint:spec', 'coverage', 'lint:package', 'test', '--continue', '--output-logs=new-only']);
  } catch (error) {
    failure = error;
  }
  const { passed, failed, skipped } = summarize();
  step(`Done in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failure) throw failure;
  if (passed === 0) throw new Error('No test ran.');
});
