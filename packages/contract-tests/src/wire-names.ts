// Small facts about names on the wire, shared by the checks.

/** Escapes one JSON pointer segment (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Request headers (lower case) that carry or sign credentials: a token, or an AK/SK signature and what it signs for. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'x-auth-token',
  'authorization',
  'x-sdk-date',
  'x-domain-id',
  'x-security-token',
]);
