/** Base64 (RFC 4648, with padding) of bytes, in chunks: `String.fromCharCode(...bytes)` overflows the stack for large files. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
