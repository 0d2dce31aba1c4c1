// Repeated measurements, summarized the same way everywhere: the median of the rounds, and their range.

/**
 * Summarizes the rounds of one measurement.
 * @param {number[]} samples one value per round
 * @param {string} unit e.g. "ms", "µs", "B", "req/s"
 * @returns {{ median: number, min: number, max: number, rounds: number, unit: string, samples: number[] }}
 */
export function summarize(samples, unit) {
  if (samples.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), rounds: samples.length, unit, samples };
}

/** Milliseconds since an arbitrary origin, with sub-millisecond resolution. */
export function now() {
  return performance.now();
}

/**
 * One row of a measurement's table: a subject against its baseline, with the ratio of their medians.
 * @param {string} label @param {ReturnType<typeof summarize>} subject
 * @param {string} baselineLabel @param {ReturnType<typeof summarize>} baseline
 */
export function comparison(label, subject, baselineLabel, baseline) {
  return { label, subject, baselineLabel, baseline, ratio: subject.median / baseline.median };
}
