import {
  ALGORITHM,
  canonicalRequest,
  EMPTY_PAYLOAD_HASH,
  headersToSign,
  sdkDate,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './aksk-canonical.js';
import { clockSkewOf } from './clock-skew.js';
import { requireHeaderText, requireText } from './credential-check.js';
import { holdingSecrets } from './held-secrets.js';
import type { CredentialHeaders, OsmAuth, OutgoingRequest } from './osm-auth.js';
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
  /**
   * Project ID, sent and signed as `X-Project-Id`: needed for resources in a sub-project (multi-project
   * accounts) and in a dedicated cloud (reference table 3-3). Leave it out otherwise.
   */
  projectId?: string;
}

/**
 * AK/SK authentication: signs every request with Huawei Cloud's SDK-HMAC-SHA256 algorithm, over its
 * headers and the exact bytes of its body. A retry or a same-origin redirect is signed again (new date,
 * new signature). The credentials are checked here ({@link OsmAuthError} names a malformed field, never
 * its value) and then live in a closure: nothing of them but the AK is reachable from a request.
 *
 * The API gateway refuses a request whose `X-Sdk-Date` is more than 15 minutes from its own clock. When
 * it answers 401 with a `Date` that far from this machine's, the request is signed again with the
 * gateway's time and sent once more, and every later request of this auth keeps that correction.
 */
export function akSkAuth(credentials: AkSkCredentials): OsmAuth {
  const accessKey = requireHeaderText('accessKey', credentials?.accessKey);
  const secretKey = requireText('secretKey', credentials.secretKey);
  const sign = hmacSha256Hex(secretKey);
  const identity: Record<string, string> = { 'X-Domain-Id': requireHeaderText('domainId', credentials.domainId) };
  if (credentials.securityToken !== undefined) identity['X-Security-Token'] = requireHeaderText('securityToken', credentials.securityToken);
  if (credentials.projectId !== undefined) identity['X-Project-Id'] = requireHeaderText('projectId', credentials.projectId);

  const held = [accessKey, secretKey, identity['X-Security-Token']].filter((secret) => secret !== undefined);

  // The gateway's clock minus ours, once a 401 has shown they differ.
  let clockOffsetMs = 0;
  // The date changes once a second: formatted once a second.
  let date = { second: Number.NaN, text: '' };
  const currentDate = () => {
    const now = Date.now() + clockOffsetMs;
    const second = Math.floor(now / 1000);
    if (second !== date.second) date = { second, text: sdkDate(new Date(now)) };
    return date.text;
  };

  const credentialsFor = ({ method, url, headers, body }: OutgoingRequest): CredentialHeaders => {
    const date = currentDate();
    const added: Record<string, string> = { 'X-Sdk-Date': date, ...identity };
    const payloadHash =
      headers.get('X-Sdk-Content-Sha256') === UNSIGNED_PAYLOAD ? UNSIGNED_PAYLOAD : body?.length ? sha256Hex(body) : EMPTY_PAYLOAD_HASH;
    const canonical = canonicalRequest({ method, url: new URL(url), headers: headersToSign(headers, added), payloadHash });
    const signature = sign(stringToSign(date, sha256Hex(canonical.text)));
    added.Authorization = `${ALGORITHM} Access=${accessKey}, SignedHeaders=${canonical.signedHeaders}, Signature=${signature}`;
    return added;
  };

  return holdingSecrets(
    {
      credentialsFor,
      async renew(_, __, { request, response }) {
        const skew = clockSkewOf(response, Date.now() + clockOffsetMs);
        if (skew === undefined) return undefined;
        clockOffsetMs += skew;
        return credentialsFor(request);
      },
    },
    () => held,
  );
}
