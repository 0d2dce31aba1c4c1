import { defineConfig } from 'vitest/config';
import { shared } from '../../vitest.shared.mjs';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One mock for the suites that need one, started once for the whole run.
    globalSetup: ['test/mock.global-setup.ts'],
    ...shared,
  },
});
