// The answer checker: could OSM send this answer to this operation? The one judge of answers in the
// package: the typed overrides use it to refuse an answer a test made up (src/overrides/answer-check.ts),
// the proxy to report an upstream's drift (src/proxy/response-validator.ts). It checks, in order, the
// body's JSON, the status, the declared headers (when the answer's headers are given), the content type
// and the body against the response's schema, and says what it finds as findings; each user words them.
//
// What the two users read differently is the policy they pass: which unlisted statuses the operation's
// `default` response covers, and how that is said. Everything else is one reading:
// - objects are closed (prepared-schema.ts): a field a schema does not list is a finding;
// - a status the operation does not list, and `default` does not cover, is a finding; a body that says it
//   is an error (`error_code`) is then still checked against `default`'s schema, so that its own problems
//   (a code the catalogue lacks) are found as well;
// - a body is required where the response has a schema, and refused where it lists no content;
// - a choice (`anyOf`/`oneOf`) is explained by one branch (compiled-checks.ts).
import { isJson, mediaTypeOf } from '../engine/media-type.js';
import type { AnswerFinding, AnswerPlace } from './answer-finding.js';
import { compiledChecks } from './compiled-checks.js';
import { errorCodeOf } from './error-body.js';
import {
  type AnsweredOperation,
  type HeaderObject,
  listedMediaType,
  listedResponseKey,
  type OpenApiDocument,
  operationName,
  type ResponseObject,
  resolve,
  responsesOf,
} from './response-lookup.js';

/**
 * An answer's body as its user has it:
 * - `none`: no body was sent;
 * - `json`: a JSON value, already parsed (what an override's body serializes to);
 * - `bytes`: as sent, parsed here when the media type is JSON (empty bytes are no body);
 * - `unread`: there is one, but not to be checked (streamed, compressed, over a size kept for checks):
 *   the status, content type and headers still are.
 */
export type AnswerBody = { none: true } | { json: unknown } | { bytes: Uint8Array | string } | { unread: true };

/** One answer to check. */
export interface CheckedAnswer {
  status: number;
  /** The Content-Type sent (parameters such as `charset` ignored); undefined when none was. */
  contentType?: string | undefined;
  /** The headers sent, names in lower case: checked against those the response declares. Omitted: not checked. */
  headers?: Readonly<Record<string, string | string[] | undefined>> | undefined;
  body: AnswerBody;
}

/** What a user of the checker decides for itself. */
export interface AnswerPolicy {
  /**
   * Whether the operation's `default` response covers a status it does not list, given the body (parsed
   * JSON, or undefined). Covered: checked against `default`, no finding for the status.
   */
  coveredByDefault(status: number, body: unknown): boolean;
  /** What `default` stands for, ending an unlisted status's rule: `the spec lists 200, 400, and <this>`. */
  defaultMeans: string;
}

/** Checks one answer to one operation: what is wrong, or an empty list. */
export type AnswerChecker = (operation: AnsweredOperation, answer: CheckedAnswer) => AnswerFinding[];

const utf8 = new TextDecoder('utf-8', { fatal: true });
const bodyPlace = (path: readonly string[]): AnswerPlace => ({ part: 'body', path });

/**
 * The body as the checks take it: a JSON value; `opaque` bytes of another media type (a file: its schema,
 * `format: binary`, says nothing of them); `notJson` bytes sent as JSON that are not; or none or unread.
 */
function readBody(
  body: AnswerBody,
  mediaType: string | undefined,
): { none: true } | { unread: true } | { json: unknown } | { notJson: true } | { opaque: true } {
  if ('bytes' in body) {
    const empty = typeof body.bytes === 'string' ? body.bytes === '' : body.bytes.byteLength === 0;
    if (empty) return { none: true };
    if (mediaType === undefined || !isJson(mediaType)) return { opaque: true };
    try {
      return { json: JSON.parse(typeof body.bytes === 'string' ? body.bytes : utf8.decode(body.bytes)) };
    } catch {
      return { notJson: true };
    }
  }
  return body;
}

/**
 * Makes the answer checker of an OpenAPI 3.0 `document`. Nothing is prepared or compiled until an answer
 * is checked; each response schema is compiled once, on its first check.
 */
export function createAnswerChecker(document: object, policy: AnswerPolicy): AnswerChecker {
  const spec = document as OpenApiDocument;
  const compiled = compiledChecks(spec);

  return (operation, answer) => {
    const name = operationName(operation);
    const responses = responsesOf(spec, operation);
    if (!responses) return [{ kind: 'unknown-operation', place: { part: 'operation' }, rule: `${name} is not in the spec` }];
    const findings: AnswerFinding[] = [];
    const mediaType = mediaTypeOf(answer.contentType);
    const body = readBody(answer.body, mediaType);
    if ('notJson' in body)
      findings.push({ kind: 'wrong-type', place: bodyPlace([]), rule: `is not JSON, though sent as ${answer.contentType}` });
    const value = 'json' in body ? body.json : undefined;

    const hasDefault = Object.hasOwn(responses, 'default');
    let key = listedResponseKey(responses, answer.status);
    if (!key && hasDefault && policy.coveredByDefault(answer.status, value)) key = 'default';
    if (!key) {
      const listed = Object.keys(responses).filter((listedKey) => listedKey !== 'default');
      const others = hasDefault ? `, and ${policy.defaultMeans}` : '';
      findings.push({
        kind: 'unlisted-status',
        place: { part: 'status' },
        rule: `${answer.status} is not an answer of ${name}: the spec lists ${listed.join(', ')}${others}`,
        value: answer.status,
      });
      if (!hasDefault || typeof errorCodeOf(value) !== 'string') return findings;
      key = 'default';
    }
    const response = resolve<ResponseObject>(spec, responses[key]) ?? {};
    const responseKey = `${operation.method.toLowerCase()} ${operation.pathTemplate} ${key}`;

    if (answer.headers) {
      for (const [header, declared] of Object.entries(response.headers ?? {})) {
        const definition = resolve<HeaderObject>(spec, declared) ?? {};
        const sent = answer.headers[header.toLowerCase()];
        const place: AnswerPlace = { part: 'header', name: header };
        if (sent === undefined) {
          if (definition.required) findings.push({ kind: 'missing-required', place, rule: 'is required' });
          continue;
        }
        if (definition.schema === undefined) continue;
        const text = Array.isArray(sent) ? sent.join(', ') : sent;
        findings.push(...compiled.check(`${responseKey} header ${header}`, definition.schema)(text, () => place));
      }
    }

    const content = response.content ?? {};
    const media = Object.keys(content);
    if ('none' in body && (!media.length || mediaType === undefined)) {
      if (media.length) findings.push({ kind: 'missing-required', place: bodyPlace([]), rule: 'is required' });
      return findings;
    }
    const listed = listedMediaType(content, mediaType);
    if (!listed) {
      const lists = media.length ? `the spec lists ${media.join(', ')}` : 'the spec gives it no body';
      findings.push({
        kind: 'unlisted-content-type',
        place: { part: 'content type' },
        rule: `${mediaType ?? 'none'} is not one of ${name}'s ${answer.status} answer: ${lists}`,
        value: mediaType ?? '(none)',
      });
      return findings;
    }
    const schema = content[listed]!.schema;
    if (schema === undefined || 'unread' in body || 'notJson' in body) return findings;
    if ('none' in body) {
      findings.push({ kind: 'missing-required', place: bodyPlace([]), rule: 'is required' });
      return findings;
    }
    // A file or other bytes: the schema (`format: binary`) says nothing about the content.
    if (!isJson(listed.toLowerCase())) return findings;
    findings.push(...compiled.check(`${responseKey} ${listed}`, schema)(value, bodyPlace));
    return findings;
  };
}
