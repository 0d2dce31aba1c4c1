import { OsmRequestError } from './errors.js';
import { isHeaderValue } from './header-value.js';

const PATH_PARAMETER = /\{([^{}]+)\}/g;
/** Values that, percent-encoded as they are, would not stay one path segment: `a/./b` and `a/../b` are other paths. */
const SEGMENT_ESCAPES = new Set(['', '.', '..']);
/** A UTF-16 surrogate without its other half: no UTF-8 for it, so no percent-encoding (URIError). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** How deep a query value's arrays and objects are searched; deeper ones are refused. */
const MAX_QUERY_DEPTH = 8;

/**
 * Refuses a path parameter of `path` that is missing, empty, `.` or `..` (sent, it would name another
 * resource: `cases/../labels` is `labels`, which AK/SK would sign as valid), that is neither a string nor
 * a finite number (`{}` would be sent as an empty segment), or that has a lone surrogate.
 */
export function checkPathParameters(path: string, values: Readonly<Record<string, unknown>> | undefined): void {
  for (const [, name = ''] of path.matchAll(PATH_PARAMETER)) {
    const value = values?.[name];
    if (value === undefined || value === null) throw new OsmRequestError(`path parameter ${name} is missing`, name);
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new OsmRequestError(`path parameter ${name} must be a string or a finite number, not ${describe(value)}`, name);
    }
    if (SEGMENT_ESCAPES.has(String(value))) {
      throw new OsmRequestError(`path parameter ${name} must not be empty, "." or ".."`, name);
    }
    if (typeof value === 'string' && LONE_SURROGATE.test(value)) throw loneSurrogate(`path parameter ${name}`, name);
  }
}

/** Refuses a query parameter whose name or value (or an item of it) has a lone surrogate. */
export function checkQuery(query: unknown): void {
  if (!query || typeof query !== 'object') return;
  for (const [name, value] of Object.entries(query)) {
    if (LONE_SURROGATE.test(name) || hasLoneSurrogate(value, 0)) throw loneSurrogate(`query parameter ${name}`, name);
  }
}

function hasLoneSurrogate(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (!value || typeof value !== 'object') return false;
  if (depth >= MAX_QUERY_DEPTH) return true; // past any shape the spec has: refused rather than searched
  return Object.entries(value).some(([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item, depth + 1));
}

/**
 * Refuses a header whose name is not a token (CR, LF, a space, a colon...) or whose value fetch would
 * refuse - fetch's own error would print the value, perhaps a credential.
 */
export function checkHeaders(headers: unknown): void {
  if (!headers || typeof headers !== 'object' || headers instanceof Headers) return; // a Headers object is valid already
  const entries: Iterable<[string, unknown]> = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(String(name))) {
      throw new OsmRequestError('a header name has characters a header name cannot carry', validStart(String(name)));
    }
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && !isHeaderValue(String(item))) {
        throw new OsmRequestError(`header ${name} has characters a header cannot carry`, name);
      }
    }
  }
}

/**
 * Refuses a request URL outside `origin`. With credentials, the client sends nothing elsewhere, whichever
 * way the URL was formed (a per-call `baseUrl`, a path that changes the host such as `@host/…`).
 */
export function checkOrigin(url: string, origin: string): void {
  // The usual case without parsing: a `/` right after the origin ends the authority, so the host is it.
  if (url.startsWith(`${origin}/`)) return;
  let target: string;
  try {
    target = new URL(url).origin;
  } catch {
    throw new OsmRequestError('the request URL is not a valid URL (see baseUrl)', 'baseUrl');
  }
  if (target !== origin) {
    throw new OsmRequestError(
      `the request would go to ${target}, not to the client's origin ${origin}: credentials are sent to the client's origin only (make a client for that origin)`,
      'baseUrl',
    );
  }
}

/**
 * Refuses a number option that is not within `[min, max]` (an integer if `integer`); `Infinity` passes
 * where `max` is Infinity. Timers take at most 2^31-1 ms: a larger delay would fire at once.
 */
export function checkNumberOption(name: string, value: unknown, { min = 0, max = MAX_TIMER_MS, integer = false } = {}): void {
  if (value === undefined) return;
  const valid = typeof value === 'number' && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (!valid) {
    const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `from ${min} to ${max}`;
    throw new OsmRequestError(`${name} must be ${integer ? 'an integer' : 'a number'} ${range}`, name);
  }
}

/** The longest delay setTimeout takes as it is (2^31-1 ms, about 24.8 days). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

function loneSurrogate(what: string, name: string): OsmRequestError {
  return new OsmRequestError(`${what} has a lone UTF-16 surrogate, which has no UTF-8 form to send`, name);
}

/** What a value is, for a message that must not print it. */
function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return String(value); // NaN or Infinity: not secret
  return value === null ? 'null' : `a${/^[aeiou]/.test(typeof value) ? 'n' : ''} ${typeof value}`;
}

/** The name a malformed header name starts with (`X-Foo` of `X-Foo\r\nX-Injected`), to say which it is. */
function validStart(name: string): string {
  return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]*/.exec(name)?.[0].slice(0, 64) ?? '';
}
