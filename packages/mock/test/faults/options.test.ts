// The server-wide options as every door checks them (src/engine/network.ts), the command line's
// `--latency` text, and the seeded source the draws come from (src/engine/seeded-random.ts).
import { describe, expect, test } from 'vitest';
import { checkNetworkOptions, parseLatency } from '../../src/engine/network.js';
import { seededRandom } from '../../src/engine/seeded-random.js';

describe('checkNetworkOptions', () => {
  test.each([
    [{}, { latency: undefined, faults: 0 }],
    [{ latency: 100 }, { latency: [100, 100], faults: 0 }],
    [
      { latency: [50, 200] as const, faults: 0.05 },
      { latency: [50, 200], faults: 0.05 },
    ],
    [
      { latency: 0, faults: 1 },
      { latency: undefined, faults: 1 },
    ],
  ])('%j is taken', (options, checked) => {
    expect(checkNetworkOptions(options)).toEqual(checked);
  });

  test.each([
    [{ latency: -1 }, /^latency must be .* got -1$/],
    [{ latency: 60_001 }, /^latency must be .*from 0 to 60000/],
    [{ latency: [200, 50] as const }, /^latency must be .*min <= max; got \[200,50\]$/],
    [{ latency: 1.5 }, /^latency must be a whole number/],
    [{ latency: '50-200' as never }, /^latency must be/],
    [{ faults: 1.5 }, /^faults must be a number from 0 to 1 .* got 1.5$/],
    [{ faults: Number.NaN }, /^faults must be/],
    [{ faults: '0.1' as never }, /^faults must be/],
  ])('%j is refused, naming the option', (options, message) => {
    expect(() => checkNetworkOptions(options)).toThrow(TypeError);
    expect(() => checkNetworkOptions(options)).toThrow(message);
  });
});

describe('parseLatency (--latency)', () => {
  test.each([
    ['100', 100],
    ['50-200', [50, 200]],
    [' 50 - 200 ', [50, 200]],
    ['0', 0],
  ])('%j', (text, value) => expect(parseLatency(text)).toEqual(value));

  test.each(['', 'fast', '50-', '-50', '50-200-300', '1e3', '50..200'])('%j is unreadable', (text) => {
    expect(parseLatency(text)).toBeUndefined();
  });
});

describe('seededRandom', () => {
  const take = (seed: string, n = 20) => Array.from({ length: n }, seededRandom(seed));

  test('the same seed, the same numbers; another seed, others', () => {
    expect(take('x')).toEqual(take('x'));
    expect(take('x')).not.toEqual(take('y'));
    expect(take('')).toEqual(take(''));
  });

  test('numbers in [0, 1), spread over the range', () => {
    const numbers = take('spread', 10_000);
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
    const low = numbers.filter((n) => n < 0.5).length;
    expect(low).toBeGreaterThan(4_500);
    expect(low).toBeLessThan(5_500);
  });
});
