// Timeouts for every package's vitest run, set here once. They are sized for a busy 2-core machine, not an
// idle one: the slowest single tests of the suite (Spectral over the bundle, a type-check of a consumer, a
// browser walk) take 4-10 s idle, four to five times that beside four CPU-bound processes, and were seen at
// 160 s on a machine at load 36; the slowest hook (packing and installing the public packages) about a
// minute idle. A test that hangs still fails, with the hook or test named, well inside CI's limit.
// expect.poll waits up to a minute (vitest's default is 1 s, which a busy browser step can take alone).

/** @type {{ testTimeout: number, hookTimeout: number, teardownTimeout: number, expect: { poll: { timeout: number } } }} */
export const timeouts = {
  testTimeout: 240_000,
  hookTimeout: 420_000,
  teardownTimeout: 60_000,
  expect: { poll: { timeout: 60_000 } },
};

/**
 * Every package's vitest settings: the timeouts above; test files run one after another in reused workers
 * (isolate: false) instead of a fresh process each - measured on the client's 30 files: 15.5 CPU-seconds
 * with isolation, 6.4 without, and every package's suite passes either way, since each file closes the
 * servers and msw interceptors it starts (one that leaked them could now disturb the next file);
 * and none of vitest 5's end-of-run performance hints, which are advice for a developer tuning a suite.
 */
export const shared = {
  ...timeouts,
  isolate: false,
  experimental: { diagnostics: { isolate: false, import: false, environment: false, transform: false } },
};
