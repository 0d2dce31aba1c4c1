import { defineConfig } from 'vitest/config';
import { tsc7 } from '../../tsc.shared.mjs';
import { shared } from '../../vitest.shared.mjs';

// `--typecheck` makes vitest print that type tests are experimental and to pin its version: it is pinned
// exactly (the workspace catalog), so the notice is turned off rather than printed under every green run.
process.env.VITEST_DISABLE_EXPERIMENTAL_LOG = 'true';

export default defineConfig({ test: { ...shared, typecheck: { checker: tsc7 } } });
