import type { Middleware } from 'openapi-fetch';
import { type AkSkCredentials, akSkAuth } from './aksk.js';
import { type TokenSource, tokenAuth } from './token.js';

/**
 * An authentication method: an openapi-fetch middleware that adds credentials to each request (and may
 * answer a 401 by refreshing them). Made by {@link tokenAuth}, {@link iamPasswordAuth} or {@link akSkAuth}.
 */
export type OsmAuth = Middleware;

/**
 * The client's `auth` option: an {@link OsmAuth}, or a shorthand for the two common ones -
 * `{ token }` for {@link tokenAuth}, `{ accessKey, secretKey, domainId }` for {@link akSkAuth}.
 */
export type OsmAuthOption = OsmAuth | { token: TokenSource } | AkSkCredentials;

/** The middleware of an `auth` option. */
export function resolveAuth(option: OsmAuthOption): OsmAuth {
  if ('token' in option) return tokenAuth(option.token);
  if ('accessKey' in option) return akSkAuth(option);
  return option;
}
