// The mock's own `Prefer` preferences, beyond Prism's: `delay=<ms>`, `retry-after=<seconds>` and
// `fault=reset|truncate|hang`. Prism's server ignores names it does not know, so these leave the reading
// of `code`, `example`, `dynamic` and `seed` (prefer.ts, checked against Prism) untouched.
import type { Violation } from './osm-errors.js';
import { pairs } from './prefer.js';
import type { NetworkFault } from './types.js';

/** The longest `Prefer: delay` (and server-wide latency): a minute, so that no delay outlives a test's patience unbounded. */
export const MAX_DELAY_MS = 60_000;
/** The longest `Prefer: retry-after`: a day (the client waits at most 5 minutes and returns a longer one's answer). */
export const MAX_RETRY_AFTER_SECONDS = 86_400;
/** The statuses a `Retry-After` goes with: the gateway's throttling (429) and unavailability (503). */
export const RETRY_STATUSES: readonly number[] = [429, 503];
const FAULTS: readonly NetworkFault[] = ['reset', 'truncate', 'hang'];

/** The fault preferences of one request; `violations` names what could not be read. */
export interface FaultPreferences {
  delayMs?: number;
  retryAfterSeconds?: number;
  fault?: NetworkFault;
  violations: Violation[];
}

const where = 'header parameter Prefer';

/** A whole number from 0 to `max`, written in digits only (`1e3`, `-0`, `2.5` are refused). */
function wholeNumber(value: string | true, max: number): number | undefined {
  if (value === true || !/^\d{1,9}$/.test(value)) return undefined;
  const number = Number(value);
  return number <= max ? number : undefined;
}

/** Reads the fault preferences of a `Prefer` header; `status` is the status of the answer `Prefer` chose. */
export function readFaultPreferences(header: string | undefined, status: number | undefined): FaultPreferences {
  const read: FaultPreferences = { violations: [] };
  if (!header) return read;
  for (const [name, value] of pairs(header)) {
    const shown = value === true ? name : `${name}=${value}`;
    if (name === 'delay') {
      read.delayMs = wholeNumber(value, MAX_DELAY_MS);
      if (read.delayMs === undefined)
        read.violations.push({ where, rule: `${shown}: must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}` });
    } else if (name === 'retryAfter') {
      read.retryAfterSeconds = wholeNumber(value, MAX_RETRY_AFTER_SECONDS);
      if (read.retryAfterSeconds === undefined)
        read.violations.push({
          where,
          rule: `retry-after${value === true ? '' : `=${value}`}: must be a whole number of seconds from 0 to ${MAX_RETRY_AFTER_SECONDS}`,
        });
      else if (status === undefined || !RETRY_STATUSES.includes(status))
        read.violations.push({ where, rule: `retry-after=${value}: goes with a 429 or 503 answer only (code=429, code=503)` });
    } else if (name === 'fault') {
      if (FAULTS.includes(value as NetworkFault)) read.fault = value as NetworkFault;
      else read.violations.push({ where, rule: `${shown}: must be one of ${FAULTS.join(', ')}` });
    }
  }
  return read;
}
