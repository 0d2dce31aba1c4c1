// Turns the raw parts of a request into values: the path without dot segments, path parameters and
// query values decoded (a malformed percent-escape is a violation, never a crash), the body parsed.
import type { Violation } from './osm-errors.js';

/** `/a/b/../c/./d` -> `/a/c/d`, as a browser or fetch sends it (`%2e` counts as a dot). */
export function withoutDotSegments(path: string): string {
  if (!/(^|\/)(\.|%2e){1,2}(\/|$)/i.test(path)) return path;
  const out: string[] = [];
  const segments = path.split('/');
  segments.forEach((segment, index) => {
    const dots = segment.replace(/%2e/gi, '.');
    const last = index === segments.length - 1;
    if (dots === '..') {
      if (out.length > 1) out.pop();
      if (last) out.push('');
    } else if (dots === '.') {
      if (last) out.push('');
    } else out.push(segment);
  });
  return out.join('/') || '/';
}

/** Decodes one percent-encoded value; undefined if its escapes are malformed. */
export function decode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The query's values by name (`+` is a space), in order; names or values with bad escapes are violations. */
export function readQuery(search: string): { values: Map<string, string[]>; violations: Violation[] } {
  const values = new Map<string, string[]>();
  const violations: Violation[] = [];
  for (const pair of search.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawName = (equals < 0 ? pair : pair.slice(0, equals)).replace(/\+/g, ' ');
    const rawValue = (equals < 0 ? '' : pair.slice(equals + 1)).replace(/\+/g, ' ');
    const name = decode(rawName);
    const value = decode(rawValue);
    if (name === undefined || value === undefined) {
      violations.push({ where: `query parameter ${name ?? rawName}`, rule: 'must be valid percent-encoding (UTF-8)' });
      continue;
    }
    values.set(name, [...(values.get(name) ?? []), value]);
  }
  return { values, violations };
}

/** The size of a request's head as Node counts it against its limit: the URL and every header line. */
export function headerBytes(request: { url: string; headers: Readonly<Record<string, string | undefined>> }): number {
  let bytes = request.url.length;
  for (const [name, value] of Object.entries(request.headers)) bytes += name.length + (value?.length ?? 0) + 4;
  return bytes;
}
