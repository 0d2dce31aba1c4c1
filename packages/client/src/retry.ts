import { OsmError, OsmNetworkError, OsmTimeoutError } from './errors.js';
import type { OsmHttpMethod } from './http-method.js';
import { checkNumberOption } from './request-checks.js';

/**
 * When and how often a failed request is sent again. Every field is optional; see the defaults. A value
 * out of range is refused with an `OsmRequestError` naming the field.
 */
export interface RetryOptions {
  /** Attempts in all, the first included: an integer from 1 to 10. Default 3. */
  attempts?: number;
  /** Backoff before the first retry; doubles with each retry, with full jitter. Default 200 ms. */
  baseDelayMs?: number;
  /**
   * Cap of one backoff. Default 5,000 ms. A `Retry-After` is honoured as sent up to 5 minutes; a longer
   * one is not waited for: the answer asking for it is returned.
   */
  maxDelayMs?: number;
  /**
   * No retry starts once this long has passed since the first attempt, counting the wait; `Infinity`
   * for no such limit. Default 30,000 ms.
   */
  maxElapsedMs?: number;
  /**
   * Methods that are retried. Default `['GET']`: the others change state, and OSM has no idempotency
   * keys, so list them here only for requests that are safe to repeat.
   */
  methods?: readonly OsmHttpMethod[];
}

/** {@link RetryOptions} with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

const DEFAULT_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  maxElapsedMs: 30_000,
  methods: ['GET'],
};

/**
 * The longest wait before a retry, whatever the options and `Retry-After` say. A server asking for more
 * gets its answer returned rather than waited for: a call that sleeps for an hour is a hung call.
 */
export const MAX_RETRY_WAIT_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 10;

/** Statuses that say "try again later": throttling and gateway trouble. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Refuses retry options out of range, naming the field. */
export function checkRetryOptions(options: RetryOptions | false | undefined): void {
  if (!options) return;
  checkNumberOption('retry.attempts', options.attempts, { min: 1, max: MAX_ATTEMPTS, integer: true });
  checkNumberOption('retry.baseDelayMs', options.baseDelayMs);
  checkNumberOption('retry.maxDelayMs', options.maxDelayMs);
  checkNumberOption('retry.maxElapsedMs', options.maxElapsedMs, { max: Number.POSITIVE_INFINITY });
}

/** The policy for one call: the call's options over the client's over the defaults; undefined = send once. */
export function retryPolicy(
  method: OsmHttpMethod,
  clientRetry: RetryOptions | false | undefined,
  callRetry: RetryOptions | false | undefined,
): RetryPolicy | undefined {
  if (callRetry === false || (clientRetry === false && callRetry === undefined)) return undefined;
  checkRetryOptions(callRetry);
  const policy = { ...DEFAULT_POLICY, ...(clientRetry || {}), ...callRetry };
  return policy.methods.includes(method) && policy.attempts > 1 ? policy : undefined;
}

type Outcome<R> = { result: R } | { error: unknown };

/**
 * Runs `attempt` until it succeeds, fails for good, or the policy is spent; each run builds, signs and
 * sends the request afresh. Returns the last result, or throws the last error.
 */
export async function withRetries<R extends { response: Response; error?: unknown }>(
  policy: RetryPolicy | undefined,
  signal: AbortSignal | undefined,
  attempt: () => Promise<R>,
): Promise<R> {
  if (!policy) return attempt();
  const started = Date.now();
  for (let attemptNumber = 1; ; attemptNumber++) {
    let outcome: Outcome<R>;
    try {
      outcome = { result: await attempt() };
    } catch (error) {
      outcome = { error };
    }
    const delay = attemptNumber < policy.attempts ? retryDelay(outcome, attemptNumber, policy) : undefined;
    if (delay === undefined || delay > MAX_RETRY_WAIT_MS || Date.now() - started + delay > policy.maxElapsedMs) {
      if ('error' in outcome) throw outcome.error;
      return outcome.result;
    }
    await sleep(delay, signal);
  }
}

/** How long to wait before retrying after this outcome, or undefined when it must not be retried. */
function retryDelay(
  outcome: Outcome<{ response: Response; error?: unknown }>,
  retryNumber: number,
  policy: RetryPolicy,
): number | undefined {
  if ('error' in outcome) {
    const transient = outcome.error instanceof OsmNetworkError || outcome.error instanceof OsmTimeoutError;
    return transient ? backoff(retryNumber, policy) : undefined;
  }
  const { response, error } = outcome.result;
  // A body past its limit would be as large the next time.
  if (error instanceof OsmError && error.code === 'CLIENT.BODY_TOO_LARGE') return undefined;
  if (!RETRYABLE_STATUSES.has(response.status)) return undefined;
  return retryAfterMs(response.headers.get('retry-after')) ?? backoff(retryNumber, policy);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(n-1))), never past the hard cap. */
function backoff(retryNumber: number, policy: RetryPolicy): number {
  return Math.random() * Math.min(MAX_RETRY_WAIT_MS, policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
}

/** Retry-After as delay-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Waits `ms` (at most {@link MAX_RETRY_WAIT_MS}, so always within what a timer takes), or until `signal` aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
