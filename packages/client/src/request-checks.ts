import { OsmRequestError } from './errors.js';
import { isHeaderValue } from './header-value.js';

const PATH_PARAMETER = /\{([^{}]+)\}/g;
/** Values that, percent-encoded as they are, would not stay one path segment: `a/./b` and `a/../b` are other paths. */
const SEGMENT_ESCAPES = new Set(['', '.', '..']);

/**
 * Refuses a path parameter of `path` that is missing, empty, `.` or `..`: sent, it would name another
 * resource (`cases/../labels` is `labels`, which AK/SK would sign as valid) or the literal `{name}`.
 */
export function checkPathParameters(path: string, values: Readonly<Record<string, unknown>> | undefined): void {
  for (const [, name = ''] of path.matchAll(PATH_PARAMETER)) {
    const value = values?.[name];
    if (value === undefined || value === null) throw new OsmRequestError(`path parameter ${name} is missing`, name);
    if (SEGMENT_ESCAPES.has(String(value))) {
      throw new OsmRequestError(`path parameter ${name} must not be empty, "." or ".."`, name);
    }
  }
}

/** Refuses a header value fetch would refuse (its error would print the value, perhaps a credential). */
export function checkHeaders(headers: unknown): void {
  if (!headers || typeof headers !== 'object' || headers instanceof Headers) return; // a Headers object is valid already
  const entries: Iterable<[string, unknown]> = Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of entries) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && !isHeaderValue(String(item))) {
        throw new OsmRequestError(`header ${name} has characters a header cannot carry`, name);
      }
    }
  }
}
