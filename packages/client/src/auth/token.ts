import { OsmAuthError } from '../errors.js';
import { requireHeaderText } from './credential-check.js';
import type { AuthContext, CredentialHeaders, OsmAuth } from './osm-auth.js';

const TOKEN_HEADER = 'X-Auth-Token';

/** What a token source gets with each request for a token: the client's fetch and the call's signal. */
export type TokenContext = AuthContext;

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

/** The header carrying `token`, once it is known to be sendable (else an OsmAuthError saying so, not showing it). */
function tokenHeaders(token: unknown): CredentialHeaders {
  return { [TOKEN_HEADER]: requireHeaderText('token', token) };
}

/**
 * Token authentication: sends `X-Auth-Token` with every request. A fixed token is checked here (an
 * {@link OsmAuthError} names what is wrong, never the token); a provided one each time it is given.
 * With a {@link RefreshableTokenSource}, a 401 answer makes it refresh the token and send the request once more.
 */
export function tokenAuth(source: TokenSource): OsmAuth {
  if (typeof source === 'string') {
    const headers = tokenHeaders(source);
    return { credentialsFor: () => headers };
  }
  if (typeof source === 'function') {
    return { credentialsFor: async (_, context) => tokenHeaders(await source(context)) };
  }
  if (typeof source?.getToken === 'function' && typeof source.refreshToken === 'function') {
    return {
      credentialsFor: async (_, context) => tokenHeaders(await source.getToken(context)),
      renew: async (rejected, context) => {
        const token = rejected[TOKEN_HEADER];
        return token === undefined ? undefined : tokenHeaders(await source.refreshToken(token, context));
      },
    };
  }
  throw new OsmAuthError('token must be a string, a function or a RefreshableTokenSource');
}
