// The one place the proxy reaches the fixture recorder's code (@osm-openapi/redaction and
// @osm-openapi/fixture-format, the recorder's parts without dependencies, bundled into the mock by
// esbuild): its redaction rules (credentials, e-mail, phone numbers, verification codes, passwords; files replaced by their size) and its fixture format, reused as they are - never copied -
// so that the proxy's report, log and fixtures are redacted exactly as recorded fixtures are.
// Nothing else in the mock imports the recorder.

import { withBinaryBody as withBinaryBodyJs } from '@osm-openapi/fixture-format/binary-body';
import { snapshotRequest as snapshotRequestJs, snapshotResponse as snapshotResponseJs } from '@osm-openapi/fixture-format/capture';
import { writeFixture as writeFixtureJs } from '@osm-openapi/fixture-format/write';
import { REDACTED as REDACTED_JS, redactFixture as redactFixtureJs, redactText as redactTextJs } from '@osm-openapi/redaction';

/** A contract-test fixture (packages/contract-tests/README.md). */
export interface Fixture {
  operationId: string;
  case: string;
  source: string;
  request: { method: string; path: string; query: Record<string, string | string[]>; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyEncoding?: 'base64' };
}

/** What replaces a credential. */
export const REDACTED = REDACTED_JS as string;

/** A copy of `fixture` redacted; throws (naming no value) if a secret could still be found in it. */
export const redactFixture = redactFixtureJs as (fixture: Fixture, secrets: readonly string[]) => Fixture;

/** `text` with the fixture rules' replacements (signatures, known secrets, e-mail, phone numbers). */
export const redactText = redactTextJs as (text: string, secrets: readonly string[]) => string;

/** The fixture's request, from a fetch Request; its path relative to `baseUrl`. */
export const snapshotRequest = snapshotRequestJs as (request: Request, baseUrl: string) => Promise<Fixture['request']>;

/** The fixture's response, from a fetch Response. */
export const snapshotResponse = snapshotResponseJs as (response: Response) => Promise<Fixture['response']>;

/** A binary body (a file) replaced by a note of its size, unless `keep`. */
export const withBinaryBody = withBinaryBodyJs as (response: Fixture['response'], keep: boolean) => Fixture['response'];

/** Writes `<dir>/<operationId>/<case>.json`; returns the file. */
export const writeFixture = writeFixtureJs as (dir: string, fixture: Fixture) => string;

/**
 * One value seen in an answer, redacted by the fixture rules as the field `field` would be; undefined
 * when a known secret would survive (it is then left out rather than shown).
 */
export function redactValue(field: string | undefined, value: unknown, secrets: readonly string[]): unknown {
  const name = field ?? 'value';
  const probe: Fixture = {
    operationId: '',
    case: '',
    source: '',
    request: { method: '', path: '', query: {}, headers: {} },
    response: { status: 200, headers: {}, body: { [name]: value } },
  };
  try {
    return (redactFixture(probe, secrets).response.body as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

/**
 * `text` cut to `max` characters (and `…`), before it is redacted: the redaction rules cost time in
 * proportion to what they read, and a hostile upstream decides how long its values and field names are.
 * A cut must not leave the start of a secret that the cut split (the rules would no longer recognise it):
 * such a tail is dropped too.
 */
export function cutText(text: string, max: number, secrets: readonly string[]): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  for (const secret of secrets) {
    for (let k = Math.min(secret.length - 1, cut.length); k >= 4; k--) {
      if (cut.endsWith(secret.slice(0, k))) {
        cut = cut.slice(0, -k);
        break;
      }
    }
  }
  return `${cut}…`;
}

/** Nesting kept by {@link cutValue}; deeper values are replaced by `…`. */
const MAX_CUT_DEPTH = 32;

/**
 * A copy of `value` small enough to redact at once, whatever the upstream sent: each string and key cut
 * to `max` characters, and arrays and objects cut (with a `…` item or key) once about `max` characters
 * of strings are in. A string holding JSON text is cut as the JSON it holds, so that the rules still read
 * it field by field (a password field in an OSM `form_data` stays a password field).
 */
export function cutValue(value: unknown, max: number, secrets: readonly string[]): unknown {
  let left = max;
  const cut = (item: unknown, depth: number): unknown => {
    if (typeof item === 'string') {
      let text: string | undefined;
      if (item.length > max && /^\s*[[{]/.test(item)) {
        try {
          text = JSON.stringify(cut(JSON.parse(item), depth + 1));
        } catch {}
      }
      text ??= cutText(item, max, secrets);
      left -= Math.min(text.length, max);
      return text;
    }
    if (item === null || typeof item !== 'object') {
      left -= 8;
      return item;
    }
    if (depth >= MAX_CUT_DEPTH) return '…';
    if (Array.isArray(item)) {
      const out: unknown[] = [];
      for (const element of item) {
        if (left <= 0) {
          out.push('…');
          break;
        }
        out.push(cut(element, depth + 1));
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      if (left <= 0) {
        out['…'] = '…';
        break;
      }
      const name = cutText(key, max, secrets);
      left -= name.length;
      out[name] = cut((item as Record<string, unknown>)[key], depth + 1);
    }
    return out;
  };
  return cut(value, 0);
}
