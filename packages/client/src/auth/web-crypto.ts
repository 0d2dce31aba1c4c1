// SHA-256 and HMAC-SHA256 with Web Crypto (globalThis.crypto.subtle): the same code in browsers,
// Node 20+, Deno, Bun and workers.

const encoder = new TextEncoder();

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Lower-case hex SHA-256 of UTF-8 text or of bytes. */
export async function sha256Hex(data: string | Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(await globalThis.crypto.subtle.digest('SHA-256', typeof data === 'string' ? encoder.encode(data) : data));
}

/** An HMAC-SHA256 key from a secret; not extractable. */
export function hmacKey(secret: string): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** Lower-case hex HMAC-SHA256 of UTF-8 text. */
export async function hmacSha256Hex(key: CryptoKey, data: string): Promise<string> {
  return hex(await globalThis.crypto.subtle.sign('HMAC', key, encoder.encode(data)));
}
