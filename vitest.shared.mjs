// Timeouts for every package's vitest run, set here once. They are sized for a busy 2-core machine, not an
// idle one: the slowest single test of the suite (a type-check of a consumer, a browser walk, a mock started
// from its bin) takes about 10 s idle and four to five times that with four CPU-bound processes beside the
// suite; the slowest hook (packing and installing the public packages) about a minute idle. A test that hangs
// still fails, with the hook or test named, well inside CI's limit.
/** @type {{ testTimeout: number, hookTimeout: number, teardownTimeout: number }} */
export const timeouts = {
  testTimeout: 120_000,
  hookTimeout: 300_000,
  teardownTimeout: 60_000,
};
