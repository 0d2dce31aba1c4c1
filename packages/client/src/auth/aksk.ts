import type { OsmAuth } from './auth-option.js';
import { ALGORITHM, canonicalRequest, sdkDate, stringToSign, UNSIGNED_PAYLOAD } from './aksk-canonical.js';
import { hmacKey, hmacSha256Hex, sha256Hex } from './web-crypto.js';

/** An access key pair, with the account it belongs to (OSM is a global service). */
export interface AkSkCredentials {
  /** Access key ID (AK). */
  accessKey: string;
  /** Secret access key (SK). Only used as an HMAC key; never sent. */
  secretKey: string;
  /** Account (domain) ID, sent and signed as `X-Domain-Id`. */
  domainId: string;
  /** Security token of temporary credentials, sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

/**
 * AK/SK authentication: signs every request with Huawei Cloud's SDK-HMAC-SHA256 algorithm, over the
 * exact bytes sent. It must be the last thing to touch a request: it returns a new Request whose
 * headers are final and whose body is the bytes it hashed. A retry runs it again (new date, new signature).
 * The credentials live in a closure: nothing of them but the AK is reachable from a request.
 */
export function akSkAuth(credentials: AkSkCredentials): OsmAuth {
  const { accessKey, secretKey, domainId, securityToken } = credentials;
  let key: Promise<CryptoKey> | undefined;

  return {
    async onRequest({ request }) {
      // Read the body as bytes (a FormData body too: its boundary is already in Content-Type) and send
      // those very bytes, so what is hashed is what goes on the wire.
      const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
      const headers = new Headers(request.headers);
      headers.delete('Authorization');
      const date = sdkDate(new Date());
      headers.set('X-Sdk-Date', date);
      headers.set('X-Domain-Id', domainId);
      if (securityToken) headers.set('X-Security-Token', securityToken);

      const payloadHash = headers.get('X-Sdk-Content-Sha256') === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD : await sha256Hex(body ?? '');
      const canonical = canonicalRequest({ method: request.method, url: new URL(request.url), headers, payloadHash });
      key ??= hmacKey(secretKey);
      const signature = await hmacSha256Hex(await key, stringToSign(date, await sha256Hex(canonical.text)));
      headers.set('Authorization', `${ALGORITHM} Access=${accessKey}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`);
      return new Request(request, { headers, body });
    },
  };
}
