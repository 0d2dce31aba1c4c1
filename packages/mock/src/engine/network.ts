// The server-wide network conditions of startMock(), osmHandlers() and `osm-mock`: a latency added to
// every answer, and a rate of faults drawn from a seeded source, so that a suite can run its whole client
// against an unreliable OSM and repeat the run. Checked here once for every door, naming the option.
import { MAX_DELAY_MS } from './fault-preferences.js';
import type { NetworkFault } from './types.js';

/** Options shared by startMock(), osmHandlers() and the engine. */
export interface NetworkOptions {
  /**
   * Milliseconds added before every operation's answer: a number, or `[min, max]` for a duration drawn
   * uniformly from that range for each request (from the `seed`). 0 to 60,000. Default none.
   */
  latency?: number | readonly [min: number, max: number];
  /**
   * The share of operation requests, from 0 to 1, that meet a fault instead of their answer: the
   * gateway's 429 or 503 (with `Retry-After: 1`), a reset connection or a truncated body, one of the four
   * drawn in turn (from the `seed`). Default 0.
   */
  faults?: number;
}

/** What the random faults draw from: those a client can recover from in a second (`hang` would cost each one its timeout). */
export const RANDOM_FAULTS: readonly (429 | 503 | NetworkFault)[] = [429, 503, 'reset', 'truncate'];

/**
 * How long a connection with nothing to say stays open, a `fault=hang` included: the HTTP server closes
 * it then (Node's socket timeout), and the MSW door answers a network error then.
 */
export const IDLE_TIMEOUT_MS = 120_000;

/** The options checked: the latency as a range, the fault rate as a number. Throws a TypeError naming a bad option. */
export function checkNetworkOptions(options: NetworkOptions): { latency?: readonly [number, number]; faults: number } {
  const { latency, faults = 0 } = options;
  let range: readonly [number, number] | undefined;
  if (latency !== undefined) {
    range = typeof latency === 'number' ? [latency, latency] : latency;
    const valid =
      Array.isArray(range) &&
      range.length === 2 &&
      range.every((ms) => Number.isInteger(ms) && ms >= 0 && ms <= MAX_DELAY_MS) &&
      range[0] <= range[1];
    if (!valid)
      throw new TypeError(
        `latency must be a whole number of milliseconds or a [min, max] range of them, from 0 to ${MAX_DELAY_MS}, min <= max; got ${JSON.stringify(latency)}`,
      );
    if (range[1] === 0) range = undefined;
  }
  if (typeof faults !== 'number' || !(faults >= 0 && faults <= 1))
    throw new TypeError(`faults must be a number from 0 to 1 (the share of requests that meet a fault); got ${JSON.stringify(faults)}`);
  return { latency: range, faults };
}

/** `50-200` or `100` (the command line's `--latency`) as the option's value; undefined if unreadable. */
export function parseLatency(text: string): number | [number, number] | undefined {
  const match = /^\s*(\d{1,9})\s*(?:-\s*(\d{1,9})\s*)?$/.exec(text);
  if (!match) return undefined;
  return match[2] === undefined ? Number(match[1]) : [Number(match[1]), Number(match[2])];
}
