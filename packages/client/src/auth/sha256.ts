// SHA-256 and HMAC-SHA256 in pure JS (@noble/hashes, audited): synchronous, so signing a request costs no
// round trip through Web Crypto's promise queue, and the same code runs in browsers, Node, Deno, Bun and
// workers. Only bundles that import akSkAuth include it.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower-case hex SHA-256 of UTF-8 text or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

/** Lower-case hex HMAC-SHA256 with the key `secret`, of UTF-8 text. The key is prepared once. */
export function hmacSha256Hex(secret: string): (data: string) => string {
  const keyed = hmac.create(sha256, utf8ToBytes(secret));
  return (data) => bytesToHex(keyed.clone().update(utf8ToBytes(data)).digest());
}
