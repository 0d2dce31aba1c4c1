import type { CredentialHeaders } from '../auth/osm-auth.js';

/** What one request carried: its headers and the credential headers the auth set on them. */
export interface SentRequest {
  headers: Headers;
  credentials: CredentialHeaders | undefined;
}

/** Headers whose value is a credential whoever set them: a per-call header as much as the auth's. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-auth-token', 'x-security-token'];
/** Credential headers that identify rather than prove: redacting them would only hide what a message says. */
const IDENTIFYING_HEADERS = new Set(['x-domain-id', 'x-project-id', 'x-sdk-date']);
/** The AK and the signature inside an `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` value. */
const SIGNATURE_PARTS = /\b(?:Access|Signature)=([^,\s]+)/g;

/**
 * Every secret the requests of a call carried: the credential values the auth set (each attempt's own:
 * a renewed AK/SK signature replaces the first on the same headers), the headers that always carry one,
 * and the AK and signature inside an AK/SK `Authorization` on their own, since a server may echo just
 * those. Worked out only when an error is made, so a call that succeeds pays nothing for it.
 */
export function secretsSent(requests: readonly SentRequest[]): string[] {
  const secrets: string[] = [];
  const add = (value: string | null | undefined) => {
    if (!value) return;
    secrets.push(value);
    for (const [, part = ''] of value.matchAll(SIGNATURE_PARTS)) secrets.push(part);
  };
  for (const { headers, credentials } of requests) {
    for (const [name, value] of Object.entries(credentials ?? {})) if (!IDENTIFYING_HEADERS.has(name.toLowerCase())) add(value);
    for (const name of SECRET_HEADERS) add(headers.get(name));
  }
  return secrets;
}
