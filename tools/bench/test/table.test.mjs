// The bench's summaries and table: medians, ranges in the median's scale, readable units, no Infinity.
import { describe, expect, it } from 'vitest';
import { summarize } from '../stats.mjs';
import { formatSummary, formatValue, renderTable } from '../table.mjs';

describe('summarize', () => {
  it('gives the median (the mean of the middle two for an even count) and the range', () => {
    expect(summarize([5, 1, 3], 'ms')).toMatchObject({ median: 3, min: 1, max: 5, rounds: 3, unit: 'ms' });
    expect(summarize([4, 1, 3, 2], 'ms').median).toBe(2.5);
  });

  it('refuses to summarize nothing', () => {
    expect(() => summarize([], 'ms')).toThrow('no samples');
  });
});

describe('formatting', () => {
  it('scales times, sizes and rates to readable units', () => {
    expect(formatValue(0.0123, 'ms')).toBe('12.3 µs');
    expect(formatValue(4.567, 'ms')).toBe('4.57 ms');
    expect(formatValue(12_345, 'ms')).toBe('12.35 s');
    expect(formatValue(900, 'B')).toBe('900 B');
    expect(formatValue(5300, 'B')).toBe('5.2 kB');
    expect(formatValue(3512.4, 'req/s')).toBe('3,512 req/s');
  });

  it('shows the range in the scale of the median, and no range for a single round', () => {
    expect(formatSummary(summarize([0.0119, 0.0123, 0.0013], 'ms'))).toBe('11.9 µs (1.3-12.3)');
    expect(formatSummary(summarize([900, 1100, 1000], 'ms'))).toBe('1.00 s (0.90-1.10)');
    expect(formatSummary(summarize([10_400], 'B'))).toBe('10.2 kB');
  });

  it('renders a row per comparison, numbered by measurement, with n/a for a ratio over zero', () => {
    const table = renderTable([
      {
        number: 2,
        title: 'mock',
        comparisons: [
          { label: 'p50', subject: summarize([8], 'ms'), baselineLabel: 'node:http', baseline: summarize([0], 'ms'), ratio: Infinity },
          {
            label: 'rps',
            subject: summarize([1000], 'req/s'),
            baselineLabel: 'node:http',
            baseline: summarize([4000], 'req/s'),
            ratio: 0.25,
          },
        ],
      },
    ]);
    const rows = table.split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/^\| 2 \| mock .*\| 8\.00 ms .*\| 0 ms .*\| n\/a +\|$/);
    expect(rows[3]).toMatch(/\| 1,000 req\/s .*\| 4,000 req\/s .*\| 0\.25× \|$/);
  });
});
