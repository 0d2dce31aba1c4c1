import type { OsmFetch } from '../transport.js';
import type { OsmAuth } from './auth-option.js';

const TOKEN_HEADER = 'X-Auth-Token';

/** What a token source gets with each request for a token. */
export interface TokenContext {
  /** The client's fetch, for sources that ask a server (IAM) for tokens. */
  fetch: OsmFetch;
  /** The request's signal: stop waiting when it aborts. */
  signal: AbortSignal;
}

/** A function giving the token to send, e.g. from a vault; called for every request, so cache in it. */
export type TokenProvider = (context: TokenContext) => string | Promise<string>;

/** A source of tokens that can replace one OSM rejected, as {@link iamPasswordAuth}'s does. */
export interface RefreshableTokenSource {
  /** The token to send now. */
  getToken(context: TokenContext): Promise<string>;
  /** OSM answered `rejected` with HTTP 401: a new token (once per rejected token, however many callers ask). */
  refreshToken(rejected: string, context: TokenContext): Promise<string>;
}

/** Where {@link tokenAuth} takes tokens from: a fixed token, a provider function, or a refreshable source. */
export type TokenSource = string | TokenProvider | RefreshableTokenSource;

/**
 * Token authentication: sends `X-Auth-Token` with every request. With a {@link RefreshableTokenSource},
 * a 401 answer makes it refresh the token and send the request once more with the new one.
 */
export function tokenAuth(source: TokenSource): OsmAuth {
  const getToken: (context: TokenContext) => Promise<string> =
    typeof source === 'string' ? async () => source
      : typeof source === 'function' ? async (context) => source(context)
        : (context) => source.getToken(context);
  const refreshable = typeof source === 'object' ? source : undefined;
  // Requests that may have to be sent again after a 401, with the token they carried; a copy is kept
  // because fetch consumes the original's body. Weakly held: a request that never settles leaks nothing.
  const replayable = new WeakMap<Request, { token: string; replay: Request }>();

  return {
    async onRequest({ request, options }) {
      const token = await getToken({ fetch: options.fetch, signal: request.signal });
      request.headers.set(TOKEN_HEADER, token);
      if (refreshable) replayable.set(request, { token, replay: request.clone() });
      return request;
    },
    async onResponse({ request, response, options }) {
      const sent = replayable.get(request);
      if (!sent || !refreshable || response.status !== 401) return undefined;
      await response.body?.cancel();
      const context = { fetch: options.fetch, signal: sent.replay.signal };
      sent.replay.headers.set(TOKEN_HEADER, await refreshable.refreshToken(sent.token, context));
      return options.fetch(sent.replay);
    },
  };
}
