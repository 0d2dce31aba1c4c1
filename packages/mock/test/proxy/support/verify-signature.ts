// An independent check of Huawei's SDK-HMAC-SHA256 signature, written from the algorithm's description
// (docs: the design notes, "Auth") with node:crypto: it shares no code with the client's signer, so a
// request it accepts was signed right, not merely signed the same way twice.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Received } from './fake-osm.js';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Percent-encoding keeping only A-Z a-z 0-9 - _ . ~ (UTF-8, upper-case hex). */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

function canonicalUri(rawPath: string): string {
  const uri = decodeURIComponent(rawPath).split('/').map(encode).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const [name = '', value = ''] = pair.split(/=(.*)/s);
      const decode = (t: string) => decodeURIComponent(t.replace(/\+/g, ' '));
      return [decode(name), decode(value)] as const;
    });
  const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));
  pairs.sort(([n1, v1], [n2, v2]) => byBytes(n1, n2) || byBytes(v1, v2));
  return pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

/** What the verifier found: ok, or why not. */
export type Verdict = { ok: true; accessKey: string; signedHeaders: string[] } | { ok: false; reason: string };

/** Verifies `request`'s signature with `secretKey`, and its date against `now` (15 minutes either way). */
export function verifySignature(request: Received, secretKey: string, now = Date.now()): Verdict {
  const authorization = request.headers.authorization;
  const parsed = /^SDK-HMAC-SHA256 Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization ?? '');
  if (!parsed)
    return { ok: false, reason: `not an SDK-HMAC-SHA256 Authorization header: ${authorization === undefined ? 'none' : 'malformed'}` };
  const [, accessKey, signedList, signature] = parsed as unknown as [string, string, string, string];
  const signed = signedList.split(';');
  if (!signed.includes('host') || !signed.includes('x-sdk-date')) return { ok: false, reason: 'host and x-sdk-date must be signed' };
  const date = String(request.headers['x-sdk-date'] ?? '');
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(date);
  if (!match) return { ok: false, reason: 'X-Sdk-Date is not YYYYMMDDTHHMMSSZ' };
  const time = Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!);
  if (Math.abs(time - now) > 15 * 60 * 1000) return { ok: false, reason: 'signature expired (X-Sdk-Date more than 15 minutes off)' };
  const headerBlock = signed
    .map((name) => {
      const value = request.headers[name];
      return `${name}:${(Array.isArray(value) ? value.join(',') : (value ?? '')).trim()}\n`;
    })
    .join('');
  const [rawPath = '/', rawQuery = ''] = request.url.split(/\?(.*)/s);
  const payload = request.headers['x-sdk-content-sha256'] === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : sha256(request.body);
  const canonical = [request.method, canonicalUri(rawPath), canonicalQuery(rawQuery), headerBlock, signedList, payload].join('\n');
  const expected = createHmac('sha256', secretKey)
    .update(`SDK-HMAC-SHA256\n${date}\n${sha256(canonical)}`)
    .digest();
  const given = Buffer.from(signature, 'hex');
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  return { ok: true, accessKey, signedHeaders: signed };
}
