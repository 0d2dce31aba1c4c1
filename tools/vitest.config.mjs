import { defineConfig } from 'vitest/config';
import { shared } from '../vitest.shared.mjs';

// Two test files at a time, whatever the number of cores (vitest's default on two cores is one): these
// files mostly wait on child processes - npm installing the packed packages, other Nodes starting, git and
// the release scripts in scratch repositories - so one file's waiting leaves the core to the other's work.
// Each file keeps its own scratch folders, so they cannot disturb each other.
export default defineConfig({ test: { ...shared, maxWorkers: 2 } });
