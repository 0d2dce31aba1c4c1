import type { OsmHttpMethod } from './http-method.js';
import { OsmNetworkError, OsmTimeoutError } from './errors.js';

/** When and how often a failed request is sent again. Every field is optional; see the defaults. */
export interface RetryOptions {
  /** Attempts in all, the first included. Default 3. */
  attempts?: number;
  /** Backoff before the first retry; doubles with each retry, with full jitter. Default 200 ms. */
  baseDelayMs?: number;
  /** Cap of one backoff (a Retry-After header is honoured as sent). Default 5,000 ms. */
  maxDelayMs?: number;
  /** No retry starts once this long has passed since the first attempt, counting the wait. Default 30,000 ms. */
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

/** Statuses that say "try again later": throttling and gateway trouble. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** The policy for one call: the call's options over the client's over the defaults; undefined = send once. */
export function retryPolicy(
  method: OsmHttpMethod,
  clientRetry: RetryOptions | false | undefined,
  callRetry: RetryOptions | false | undefined,
): RetryPolicy | undefined {
  if (callRetry === false || (clientRetry === false && callRetry === undefined)) return undefined;
  const policy = { ...DEFAULT_POLICY, ...(clientRetry || {}), ...callRetry };
  return policy.methods.includes(method) && policy.attempts > 1 ? policy : undefined;
}

type Outcome<R> = { result: R } | { error: unknown };

/**
 * Runs `attempt` until it succeeds, fails for good, or the policy is spent; each run builds, signs and
 * sends the request afresh. Returns the last result, or throws the last error.
 */
export async function withRetries<R extends { response: Response }>(
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
    if (delay === undefined || Date.now() - started + delay > policy.maxElapsedMs) {
      if ('error' in outcome) throw outcome.error;
      return outcome.result;
    }
    await sleep(delay, signal);
  }
}

/** How long to wait before retrying after this outcome, or undefined when it must not be retried. */
function retryDelay(outcome: Outcome<{ response: Response }>, retryNumber: number, policy: RetryPolicy): number | undefined {
  if ('error' in outcome) {
    const transient = outcome.error instanceof OsmNetworkError || outcome.error instanceof OsmTimeoutError;
    return transient ? backoff(retryNumber, policy) : undefined;
  }
  const { status, headers } = outcome.result.response;
  if (!RETRYABLE_STATUSES.has(status)) return undefined;
  return retryAfterMs(headers.get('retry-after')) ?? backoff(retryNumber, policy);
}

/** Exponential backoff with full jitter: uniform in [0, min(max, base * 2^(n-1))). */
function backoff(retryNumber: number, policy: RetryPolicy): number {
  return Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
}

/** Retry-After as delay-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null): number | undefined {
  if (value === null) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

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
