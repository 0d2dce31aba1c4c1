import { untilAborted } from './abortable.js';
import { OsmNetworkError } from './errors.js';

/** The fetch the client sends requests with (openapi-fetch's signature: one Request). */
export type OsmFetch = (request: Request) => Promise<Response>;

/**
 * Wraps the caller's fetch (default: the global one, looked up at call time so late polyfills work) so
 * that a request that got no response throws {@link OsmNetworkError}, and an aborted one throws the abort
 * reason (the caller's own, or an OsmTimeoutError) - at once, even if that fetch ignores the signal.
 */
export function transport(fetch: OsmFetch | undefined): OsmFetch {
  return async (request) => {
    try {
      request.signal.throwIfAborted();
      return await untilAborted((fetch ?? globalThis.fetch)(request), request.signal);
    } catch (error) {
      if (request.signal.aborted) throw request.signal.reason;
      throw new OsmNetworkError(request.method, request.url, error);
    }
  };
}
