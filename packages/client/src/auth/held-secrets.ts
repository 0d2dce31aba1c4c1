import type { OsmAuth } from './osm-auth.js';

/** What an auth holds that is secret but may never be sent as it is (an SK, a password, a cached token). */
export type HeldSecrets = () => readonly string[];

// Kept beside the auth rather than on it, so that nothing reachable from the auth object reveals them.
const held = new WeakMap<OsmAuth, HeldSecrets>();

/** Records what `auth` holds, for the client to redact from every error; returns `auth`. */
export function holdingSecrets<A extends OsmAuth>(auth: A, secrets: HeldSecrets): A {
  held.set(auth, secrets);
  return auth;
}

/** What `auth` holds, as {@link holdingSecrets} recorded it; nothing for an auth made elsewhere. */
export function heldSecretsOf(auth: OsmAuth | undefined): readonly string[] {
  return (auth && held.get(auth)?.()) ?? [];
}
