import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Spectral takes seconds over the whole bundle on an idle machine; the machine is shared and busy.
    testTimeout: 120_000,
  },
});
