import { defineConfig } from 'vitest/config';
import { timeouts } from '../../vitest.shared.mjs';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The type tests (*.test-d.ts) are compiled by tsc, so a type the spec should refuse fails the suite.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
    ...timeouts,
  },
});
