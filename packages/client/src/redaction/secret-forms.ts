import { bytesToBase64 } from '../base64.js';

/**
 * Shorter forms are not searched for: they would match ordinary words of a message, and no credential
 * this client holds (a token, an AK, an SK, a password, a signature) is that short.
 */
export const MIN_FORM_LENGTH = 6;

const encoder = new TextEncoder();

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * The Base64 characters that depend on the secret alone, wherever its bytes fall in a longer text that
 * was encoded (a server Base64-encoding "bad token <secret>"): for each of the three alignments, the
 * characters between those mixed with the bytes before it and those mixed with the bytes after it.
 */
function base64Cores(bytes: Uint8Array): string[] {
  const cores = [bytesToBase64(bytes)];
  for (let offset = 0; offset < 3; offset++) {
    const padded = new Uint8Array(offset + bytes.length);
    padded.set(bytes, offset);
    const first = Math.ceil((8 * offset) / 6);
    const end = Math.floor((8 * (offset + bytes.length)) / 6);
    cores.push(bytesToBase64(padded).slice(first, end));
  }
  return cores;
}

/**
 * Every form `secret` can take in a server's answer: as it is; percent-encoded (URI, URI component, form
 * style); JSON-escaped (with `\/` and with `\uXXXX` for non-ASCII too); HTML-escaped; hex; Base64 and
 * Base64url at any alignment. Matching ignores letter case, which covers upper- and lower-case hex and
 * percent-escapes.
 */
export function secretForms(secret: string): string[] {
  const bytes = encoder.encode(secret);
  const json = JSON.stringify(secret).slice(1, -1);
  const base64 = base64Cores(bytes);
  const forms = [
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURI(secret),
    json,
    json.replace(/\//g, '\\/'),
    json.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`),
    secret.replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] as string),
    hex(bytes),
    ...base64,
    ...base64.map((form) => form.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')),
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_FORM_LENGTH);
}
