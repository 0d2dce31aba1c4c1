import { defineConfig } from 'vitest/config';
import { shared } from '../vitest.shared.mjs';

export default defineConfig({
  test: {
    include: ['test/**/*.test.mjs'],
    ...shared,
    // Two test files at a time, whatever the number of cores (vitest's default on two cores is one): the two
    // browser files are most of this package's time and much of it is waiting on Chromium (a page to render,
    // a panel's call to end), so they run side by side, each with its own Chromium, servers and mock on free
    // ports. Measured side by side on the same busy machine: 187 s with two workers, 284 s with one, and
    // the same CPU time (47 and 46 CPU-s).
    maxWorkers: 2,
  },
});
