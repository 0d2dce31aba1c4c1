import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One mock (Prism) for the suites that need one, started once for the whole run.
    globalSetup: ['test/mock.global-setup.ts'],
    hookTimeout: 60_000,
    // Suite 3 compiles every fixture in one TypeScript program; suite 6 sends hundreds of requests.
    testTimeout: 120_000,
  },
});
