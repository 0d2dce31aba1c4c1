/** Headers whose value is a credential whoever set them: a per-call header as much as the auth's. */
const SECRET_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'x-auth-token', 'x-security-token'];
/** Credential headers that identify rather than prove: redacting them would only hide what a message says. */
const IDENTIFYING_HEADERS = new Set(['x-domain-id', 'x-project-id', 'x-sdk-date']);
/** The AK and the signature inside an `SDK-HMAC-SHA256 Access=…, SignedHeaders=…, Signature=…` value. */
const SIGNATURE_PARTS = /\b(?:Access|Signature)=([^,\s]+)/g;

function add(value: string, into: Set<string>): void {
  into.add(value);
  for (const [, part = ''] of value.matchAll(SIGNATURE_PARTS)) into.add(part);
}

/**
 * Adds to `into` every secret a request is about to carry: the values of the credential headers the auth
 * set (`credentialNames`) and of the headers that always carry one, and the AK and signature inside an
 * AK/SK `Authorization` value on their own, since a server may echo just those.
 */
export function collectSentSecrets(headers: Headers, credentialNames: Iterable<string>, into: Set<string>): void {
  for (const name of [...credentialNames, ...SECRET_HEADERS]) {
    const value = headers.get(name);
    if (value && !IDENTIFYING_HEADERS.has(name.toLowerCase())) add(value, into);
  }
}
