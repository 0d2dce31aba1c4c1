// Prints the bench results as one plain-text table: each measurement's subject and baseline, as
// "median (min-max)" over the rounds, and their ratio.

/** How to show values of `unit` around `reference`: a divisor, a suffix and how many decimals. */
function scaleFor(unit, reference) {
  if (unit === 'ms') {
    if (reference === 0) return { divisor: 1, suffix: 'ms', digits: 0 }; // a whole-ms figure below 1 ms
    if (reference < 1) return { divisor: 0.001, suffix: 'µs', digits: 1 };
    if (reference < 1000) return { divisor: 1, suffix: 'ms', digits: reference < 10 ? 2 : 0 };
    return { divisor: 1000, suffix: 's', digits: 2 };
  }
  if (unit === 'B') return reference < 1024 ? { divisor: 1, suffix: 'B', digits: 0 } : { divisor: 1024, suffix: 'kB', digits: 1 };
  return { divisor: 1, suffix: unit, digits: reference < 10 ? 2 : 0 };
}

/** A value with its unit, scaled to something readable: "12.3 µs", "4.1 kB", "3,512 req/s". */
export function formatValue(value, unit) {
  const { divisor, suffix, digits } = scaleFor(unit, value);
  return `${(value / divisor).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${suffix}`;
}

/** "12.3 µs (11.9-13.0)": the median, then the range over the rounds in the same scale (one round: no range). */
export function formatSummary(summary) {
  const { divisor, suffix, digits } = scaleFor(summary.unit, summary.median);
  const show = (value) => (value / divisor).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const median = `${show(summary.median)} ${suffix}`;
  if (summary.rounds < 2) return median;
  return `${median} (${show(summary.min)}-${show(summary.max)})`;
}

/**
 * Renders the measurements as an aligned table.
 * @param {{ number?: number, title: string, comparisons: { label: string, subject: object, baselineLabel: string, baseline: object, ratio: number }[] }[]} measurements
 */
export function renderTable(measurements) {
  const header = ['#', 'measurement', 'subject', 'median (range)', 'baseline', 'median (range)', 'ratio'];
  const rows = [];
  measurements.forEach((measurement, index) => {
    for (const c of measurement.comparisons) {
      rows.push([
        String(measurement.number ?? index + 1),
        measurement.title,
        c.label,
        formatSummary(c.subject),
        c.baselineLabel,
        formatSummary(c.baseline),
        Number.isFinite(c.ratio) ? `${c.ratio.toFixed(2)}×` : 'n/a',
      ]);
    }
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
