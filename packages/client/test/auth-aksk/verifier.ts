// An independent implementation of SDK-HMAC-SHA256 with node:crypto and Buffers, written apart from
// src/auth (byte-wise encoding, hand-split query), to check signatures of requests the client really sent.
import { createHash, createHmac } from 'node:crypto';

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return byte < 0x80 && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
const byUtf8 = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
export const hmac = (key: string, data: string) => createHmac('sha256', key).update(data).digest('hex');

/** The canonical request of a received request, per the 10 steps. */
export function canonicalRequestOf(request: { method: string; url: string; headers: Headers; body: Buffer }): {
  text: string;
  signedHeaders: string;
} {
  const url = new URL(request.url);
  const segments = decode(url.pathname).split('/').map(encode);
  let uri = segments.join('/');
  if (!uri.endsWith('/')) uri += '/';
  const pairs = url.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      return at === -1 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))];
    }) as [string, string][];
  pairs.sort(([n1, v1], [n2, v2]) => byUtf8(n1, n2) || byUtf8(v1, v2));
  const query = pairs.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
  const names = new Map<string, string>();
  request.headers.forEach((value, name) => {
    if (name !== 'authorization') names.set(name, value.trim());
  });
  names.set('host', url.host);
  const signed = [...names.keys()].sort(byUtf8);
  const block = signed.map((name) => `${name}:${names.get(name)}\n`).join('');
  const payload = request.headers.get('x-sdk-content-sha256') === 'UNSIGNED-PAYLOAD' ? 'UNSIGNED-PAYLOAD' : sha256(request.body);
  return { text: [request.method, uri, query, block, signed.join(';'), payload].join('\n'), signedHeaders: signed.join(';') };
}

/** The Authorization header a request with these parts must carry. */
export function expectedAuthorization(
  canonicalRequest: string,
  signedHeaders: string,
  date: string,
  accessKey: string,
  secretKey: string,
): string {
  const stringToSign = `SDK-HMAC-SHA256\n${date}\n${sha256(canonicalRequest)}`;
  return `SDK-HMAC-SHA256 Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${hmac(secretKey, stringToSign)}`;
}

/** Checks a request as the server would: recompute from what arrived, compare with its Authorization. */
export async function verifySignature(request: Request, accessKey: string, secretKey: string): Promise<boolean> {
  const body = Buffer.from(await request.arrayBuffer());
  const { text, signedHeaders } = canonicalRequestOf({ method: request.method, url: request.url, headers: request.headers, body });
  const date = request.headers.get('x-sdk-date') ?? '';
  return request.headers.get('authorization') === expectedAuthorization(text, signedHeaders, date, accessKey, secretKey);
}
