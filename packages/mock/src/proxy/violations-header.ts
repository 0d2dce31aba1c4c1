// The `x-osm-violations` response header: a short JSON summary of an exchange's violations (how many of
// each kind, and the first few places), redacted, ASCII only, at most MAX_HEADER_CHARS characters. The
// values seen are never in it (they are in the report, redacted): a header is logged by every proxy.
import { cutText, redactText } from './recorder-redaction.js';
import type { DriftViolation } from './violations.js';

export const VIOLATIONS_HEADER = 'x-osm-violations';
/** The header's largest size. */
export const MAX_HEADER_CHARS = 1024;
const SHOWN_PLACES = 3;

/** The header's value for `violations`; undefined when there are none. */
export function violationsHeader(violations: readonly DriftViolation[], secrets: readonly string[]): string | undefined {
  if (!violations.length) return undefined;
  const kinds: Record<string, number> = {};
  for (const v of violations) kinds[v.kind] = (kinds[v.kind] ?? 0) + 1;
  const first = violations
    .slice(0, SHOWN_PLACES)
    .map((v) =>
      `${v.kind}: ${redactText(cutText(v.where, 200, secrets), secrets)} ${redactText(cutText(v.rule, 200, secrets), secrets)}`.slice(
        0,
        200,
      ),
    );
  for (let shown = first.length; shown >= 0; shown--) {
    const text = JSON.stringify({ count: violations.length, kinds, first: first.slice(0, shown) }).replace(
      /[^\x20-\x7e]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    if (text.length <= MAX_HEADER_CHARS) return text;
  }
  return JSON.stringify({ count: violations.length });
}

/**
 * The part of the access-log line about violations, from the header made above (the one way the log and
 * the caller are told): ` - 2 violations: unknown-field 1, wrong-type 1`; empty without a header.
 */
export function violationsLogPart(header: string | undefined): string {
  if (!header) return '';
  const { count, kinds } = JSON.parse(header) as { count: number; kinds?: Record<string, number> };
  const counted = kinds
    ? `: ${Object.entries(kinds)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}`
    : '';
  return ` - ${count} violation${count === 1 ? '' : 's'}${counted}`;
}
