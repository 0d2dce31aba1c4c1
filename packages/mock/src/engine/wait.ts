// Waiting that ends early when the caller leaves: a delayed or hung answer must not hold a timer (and the
// process) for a client that has already given up, nor outlive a mock that has been closed.

/** Waits `ms`; resolves true once waited, false at once (or as soon as) `signal` aborts. */
export function wait(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
