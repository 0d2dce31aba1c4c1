import { defineConfig } from 'vitest/config';
import { tsc7 } from '../../tsc.shared.mjs';
import { shared } from '../../vitest.shared.mjs';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The type tests (*.test-d.ts) are compiled by tsc, so a type the spec should refuse fails the suite;
    // with them the sources and every test file (an override's @ts-expect-error line must still be an error,
    // and a test that does not type-check is a test that may not check what it says).
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: 'tsconfig.typecheck.json',
      checker: tsc7,
    },
    ...shared,
    // Two test files at a time, whatever the number of cores (vitest's default on two cores is one): this is
    // the package with the most test work (about 70 CPU-seconds), so at the end of `npm test`, when the other
    // packages are done, it would otherwise finish on one core while the other idles. Each file starts its
    // mocks on free ports and writes only into folders of its own. Measured side by side on one busy machine:
    // 120 s with two workers, 161 s with one, 74 and 71 CPU-s; all 2,105 tests pass either way.
    maxWorkers: 2,
  },
});
