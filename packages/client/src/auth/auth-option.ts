import { OsmAuthError } from '../errors.js';
import type { OsmAuth } from './osm-auth.js';
import { type TokenSource, tokenAuth } from './token.js';

/**
 * The client's `auth` option: an {@link OsmAuth} ({@link tokenAuth}, {@link iamPasswordAuth},
 * {@link akSkAuth}), or `{ token }`, the shorthand for {@link tokenAuth}. AK/SK has no shorthand so that
 * its signing code is only in the bundles of applications that import {@link akSkAuth}.
 */
export type OsmAuthOption = OsmAuth | { token: TokenSource };

/** The OsmAuth of an `auth` option. */
export function resolveAuth(option: OsmAuthOption): OsmAuth {
  if (typeof (option as Partial<OsmAuth> | undefined)?.credentialsFor === 'function') return option as OsmAuth;
  if (option && 'token' in option) return tokenAuth(option.token);
  // Also what AK/SK credentials passed as they are get: the shorthand they had is gone.
  throw new OsmAuthError('auth must be { token } or an OsmAuth, e.g. akSkAuth()');
}
