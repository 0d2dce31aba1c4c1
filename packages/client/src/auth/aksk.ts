import { requireHeaderText, requireText } from './credential-check.js';
import { ALGORITHM, canonicalRequest, EMPTY_PAYLOAD_HASH, headersToSign, sdkDate, stringToSign, UNSIGNED_PAYLOAD } from './aksk-canonical.js';
import type { OsmAuth } from './osm-auth.js';
import { hmacSha256Hex, sha256Hex } from './sha256.js';

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
 * AK/SK authentication: signs every request with Huawei Cloud's SDK-HMAC-SHA256 algorithm, over its
 * headers and the exact bytes of its body. A retry or a same-origin redirect is signed again (new date,
 * new signature). The credentials are checked here ({@link OsmAuthError} names a malformed field, never
 * its value) and then live in a closure: nothing of them but the AK is reachable from a request.
 */
export function akSkAuth(credentials: AkSkCredentials): OsmAuth {
  const accessKey = requireHeaderText('accessKey', credentials?.accessKey);
  const sign = hmacSha256Hex(requireText('secretKey', credentials.secretKey));
  const identity: Record<string, string> = { 'X-Domain-Id': requireHeaderText('domainId', credentials.domainId) };
  if (credentials.securityToken !== undefined) identity['X-Security-Token'] = requireHeaderText('securityToken', credentials.securityToken);

  // The date changes once a second: formatted once a second.
  let date = { second: Number.NaN, text: '' };
  const currentDate = () => {
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== date.second) date = { second, text: sdkDate(new Date(now)) };
    return date.text;
  };

  return {
    credentialsFor({ method, url, headers, body }) {
      const date = currentDate();
      const added: Record<string, string> = { 'X-Sdk-Date': date, ...identity };
      const payloadHash = headers.get('X-Sdk-Content-Sha256') === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD
        : body?.length ? sha256Hex(body) : EMPTY_PAYLOAD_HASH;
      const canonical = canonicalRequest({ method, url: new URL(url), headers: headersToSign(headers, added), payloadHash });
      const signature = sign(stringToSign(date, sha256Hex(canonical.text)));
      added.Authorization = `${ALGORITHM} Access=${accessKey}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
      return added;
    },
  };
}
