// The vitest run of helper.test.ts's fixture: its own files only, none of the suite's.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { root: import.meta.dirname, include: ['*.fixture.ts'], testTimeout: 120_000, hookTimeout: 120_000 } });
