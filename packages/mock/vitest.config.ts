import { defineConfig } from 'vitest/config';
import { shared, typecheckWithTypeScript7 } from '../../vitest.shared.mjs';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The type tests (*.test-d.ts) are compiled by tsc, so a type the spec should refuse fails the suite;
    // with them the sources and the tests of overrides (whose @ts-expect-error lines must still be errors).
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: 'tsconfig.typecheck.json',
      checker: typecheckWithTypeScript7,
    },
    ...shared,
  },
});
