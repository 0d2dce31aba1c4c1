// Re-signs a forwarded AK/SK request for the upstream: the caller signed it for the proxy's host, which
// the signature covers, so it cannot be passed on. The caller's signature and identity headers are
// dropped and the request is signed anew with the proxy's own credentials, by the client's signer
// (`akSkAuth` of @osm-openapi/client, bundled into the mock): one implementation of the algorithm.
import { akSkAuth } from '@osm-openapi/client';
import type { AkSkCredentials } from './credentials.js';

/** Headers of the caller's signature and identity, which the proxy's own replace. */
const CALLER_SIGNATURE = ['authorization', 'x-sdk-date', 'x-domain-id', 'x-security-token'];

/** Whether the caller authenticated with an AK/SK signature (not with a token). */
export function isSigned(headers: Readonly<Record<string, string | undefined>>): boolean {
  return /^\s*SDK-HMAC-SHA256\b/i.test(headers.authorization ?? '') && !headers['x-auth-token'];
}

/** A signer for the upstream: the headers to send, from the headers the caller sent (minus its signature). */
export type Resigner = (
  method: string,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: Uint8Array | undefined,
) => Record<string, string>;

/** Builds a {@link Resigner} holding `credentials` (checked here: a malformed one throws, naming the field only). */
export function resigner(credentials: AkSkCredentials): Resigner {
  const auth = akSkAuth(credentials);
  const context = { fetch: globalThis.fetch, signal: new AbortController().signal };
  return (method, url, headers, body) => {
    const unsigned = new Headers();
    for (const [name, value] of Object.entries(headers)) if (!CALLER_SIGNATURE.includes(name) && name !== 'host') unsigned.set(name, value);
    const added = auth.credentialsFor({ method, url, headers: unsigned, body: body?.byteLength ? body : undefined }, context);
    if (added instanceof Promise) throw new TypeError('the AK/SK signer answered asynchronously');
    const out: Record<string, string> = {};
    for (const [name, value] of unsigned) out[name] = value;
    for (const [name, value] of Object.entries(added)) out[name.toLowerCase()] = value;
    return out;
  };
}
