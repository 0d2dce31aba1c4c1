import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One mock (Prism) for the file; starting it and sending a few hundred requests on a busy shared machine.
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
