// What the answer checker finds, before anyone words it: the kind of problem, its place in the answer,
// a readable rule and the value seen there. Each user turns findings into its own shape (the overrides'
// `{ where, rule }` messages, the proxy's drift violations) without judging anything again.

/**
 * - `unknown-operation`: the spec has no such operation;
 * - `unlisted-status`: a status the operation does not list (and its `default` does not cover);
 * - `unlisted-content-type`: a media type the response does not list, or a body where it lists none;
 * - `unknown-field`: a field the (closed) schema does not list;
 * - `missing-required`: a required field, header or body that is not there;
 * - `wrong-type`: a value of another JSON type than the schema's, or a body that is not the JSON it says it is;
 * - `out-of-range`: a value outside its enum or limits (minimum, maxLength, maxItems, pattern, format);
 * - `unknown-error-code`: an error body's `error_code` outside the catalogue (the spec's `OsmErrorCode`).
 */
export type FindingKind =
  | 'unknown-operation'
  | 'unlisted-status'
  | 'unlisted-content-type'
  | 'unknown-field'
  | 'missing-required'
  | 'wrong-type'
  | 'out-of-range'
  | 'unknown-error-code';

/** Where in the answer: the operation itself, its status, its Content-Type, one header, or the body (a field path, `[]` for the body itself). */
export type AnswerPlace =
  | { part: 'operation' }
  | { part: 'status' }
  | { part: 'content type' }
  | { part: 'header'; name: string }
  | { part: 'body'; path: readonly string[] };

/** One problem of one answer. */
export interface AnswerFinding {
  kind: FindingKind;
  place: AnswerPlace;
  /** The rule broken, readable on its own after the place: `must be integer`, `must be one of 0, 1, 2`. */
  rule: string;
  /** The value seen there, when there is one: for a missing field, the object that lacks it. */
  value?: unknown;
}

/**
 * A place as a message's `where`: `body field <path>`, `header <name>`, `status`, `content type`,
 * `operation`, each after `prefix` but the operation (the proxy writes `response `); `fieldPath` writes a
 * body's field path (the overrides `a.0.b`, the proxy `a[].b`).
 */
export function whereOf(place: AnswerPlace, prefix: string, fieldPath: (path: readonly string[]) => string): string {
  switch (place.part) {
    case 'operation':
      return 'operation';
    case 'body':
      return place.path.length ? `${prefix}body field ${fieldPath(place.path)}` : `${prefix}body`;
    case 'header':
      return `${prefix}header ${place.name}`;
    default:
      return `${prefix}${place.part}`;
  }
}
