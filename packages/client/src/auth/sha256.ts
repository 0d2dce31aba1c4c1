// SHA-256 and HMAC-SHA256 in pure JS (@noble/hashes, audited): synchronous, so signing a request costs no
// round trip through Web Crypto's promise queue, and the same code runs in browsers, Node, Deno, Bun and
// workers. Only bundles that import akSkAuth include it.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

// One encoder for all (noble's utf8ToBytes makes one per call, and copies its output).
const encoder = new TextEncoder();

/** Lower-case hex SHA-256 of UTF-8 text or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return bytesToHex(sha256(typeof data === 'string' ? encoder.encode(data) : data));
}

/** Lower-case hex HMAC-SHA256 with the key `secret`, of UTF-8 text. The key's pads are hashed once. */
export function hmacSha256Hex(secret: string): (data: string) => string {
  const keyed = hmac.create(sha256, encoder.encode(secret));
  return (data) => bytesToHex(keyed.clone().update(encoder.encode(data)).digest());
}
