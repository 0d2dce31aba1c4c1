// Attachments are held as bytes and written as Base64 only in the state's JSON (seed format). Buffer is
// Node's; the browser build gets the registry's port of it (scripts/browser-globals.mjs).

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}
