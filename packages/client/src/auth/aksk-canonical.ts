// The canonical forms of Huawei Cloud's SDK-HMAC-SHA256 request signing (APIG "AK/SK" signing).
// Each function is one step of the algorithm; aksk.ts puts them together.

/** The signing algorithm's name, first in the string to sign and in the Authorization header. */
export const ALGORITHM = 'SDK-HMAC-SHA256';

/** The payload-hash literal used when the request carries `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/**
 * Percent-encodes everything but `A-Z a-z 0-9 - _ . ~` (UTF-8, upper-case hex). encodeURIComponent
 * also leaves `! ' ( ) *` alone, so those are encoded here.
 */
export function encodeStrict(text: string): string {
  if (UNRESERVED_ONLY.test(text)) return text; // the common case, at no cost
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `X-Sdk-Date`: UTC as `YYYYMMDDTHHMMSSZ`. */
export function sdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** The lower-case hex SHA-256 of an empty body. */
export const EMPTY_PAYLOAD_HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A path that is its own canonical form (but for the final `/`): nothing to decode, nothing to encode. */
const UNRESERVED_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/** Canonical URI: the decoded path split on `/`, each segment strictly encoded, ending in `/`. */
export function canonicalUri(pathname: string): string {
  const uri = UNRESERVED_PATH.test(pathname) ? pathname : decodeURIComponent(pathname).split('/').map(encodeStrict).join('/');
  return uri.endsWith('/') ? uri : `${uri}/`;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Code-point order (that of UTF-8 bytes), not UTF-16 code-unit order; they differ only around surrogates. */
function compareCodePoints(a: string, b: string): number {
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  const left = Array.from(a, (char) => char.codePointAt(0) as number);
  const right = Array.from(b, (char) => char.codePointAt(0) as number);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return (left[i] as number) - (right[i] as number);
  }
  return left.length - right.length;
}

/**
 * Canonical query: pairs sorted by decoded name, a repeated name's values sorted as strings, each
 * written `enc(name)=enc(value)` (the `=` even for empty values), joined with `&`.
 */
export function canonicalQuery(search: string): string {
  return [...new URLSearchParams(search)]
    .sort(([nameA, valueA], [nameB, valueB]) => compareCodePoints(nameA, nameB) || compareCodePoints(valueA, valueB))
    .map(([name, value]) => `${encodeStrict(name)}=${encodeStrict(value)}`)
    .join('&');
}

/**
 * The headers to sign: every header of the request but `authorization` and `host`, with `added` (the
 * signer's own) over them, names lower-cased. `host` is added by {@link canonicalRequest}.
 */
export function headersToSign(headers: Headers, added: Readonly<Record<string, string>>): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [name, value] of headers) if (name !== 'authorization' && name !== 'host') entries.set(name, value);
  for (const [name, value] of Object.entries(added)) entries.set(name.toLowerCase(), value);
  return entries;
}

/** The canonical header block (`name:value\n` each, values trimmed, names sorted) and the `;`-joined list. */
function canonicalHeaders(headers: ReadonlyMap<string, string>, host: string): { block: string; signedHeaders: string } {
  const entries = [...headers, ['host', host] as [string, string]].sort(([a], [b]) => compareCodePoints(a, b));
  return {
    block: entries.map(([name, value]) => `${name}:${value.trim()}\n`).join(''),
    signedHeaders: entries.map(([name]) => name).join(';'),
  };
}

/** The parts of a request that are signed. */
export interface SignableRequest {
  method: string;
  url: URL;
  /** Lower-case names, without `host` (see {@link headersToSign}). */
  headers: ReadonlyMap<string, string>;
  payloadHash: string;
}

/** Canonical request: method, URI, query, header block, signed-header list and payload hash, joined by `\n`. */
export function canonicalRequest({ method, url, headers, payloadHash }: SignableRequest): { text: string; signedHeaders: string } {
  const { block, signedHeaders } = canonicalHeaders(headers, url.host);
  const text = [method, canonicalUri(url.pathname), canonicalQuery(url.search), block, signedHeaders, payloadHash].join('\n');
  return { text, signedHeaders };
}

/** String to sign: algorithm, X-Sdk-Date and the hex SHA-256 of the canonical request, joined by `\n`. */
export function stringToSign(date: string, canonicalRequestHash: string): string {
  return `${ALGORITHM}\n${date}\n${canonicalRequestHash}`;
}
