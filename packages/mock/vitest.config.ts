import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each test file starts one Prism (about a second alone, more with other files running beside it).
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
