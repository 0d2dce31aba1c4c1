import { OsmTimeoutError } from './errors.js';

/** A signal that aborts when the caller's signal does or when `timeoutMs` elapses, whichever is first. */
export interface Deadline {
  /** Pass this to the request; its `reason` is the caller's reason or an {@link OsmTimeoutError}. */
  readonly signal: AbortSignal;
  /** Stops the timer (the caller's signal stays linked, so it can still cancel a streamed body). */
  clear(): void;
}

/**
 * Starts the deadline of one attempt. `timeoutMs` of `Infinity` means no timeout. The timer is a plain
 * setTimeout rather than AbortSignal.timeout so that it can be stopped once a streamed body is handed over.
 */
export function startDeadline(timeoutMs: number, callerSignal: AbortSignal | undefined, what: string): Deadline {
  const timer = new AbortController();
  const handle = Number.isFinite(timeoutMs) ? setTimeout(() => timer.abort(new OsmTimeoutError(timeoutMs, what)), timeoutMs) : undefined;
  return {
    signal: callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal,
    clear: () => clearTimeout(handle),
  };
}
