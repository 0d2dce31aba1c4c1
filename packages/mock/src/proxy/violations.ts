// What the proxy finds wrong in one exchange, in the terms a spec change is made in: the kind of drift,
// where it is, and what was seen there.

/**
 * The kinds of drift between the spec and what the upstream (or the caller) did:
 * - `unknown-field`: the answer has a field the spec's schema does not list;
 * - `missing-required`: a field (or header) the spec marks required never came;
 * - `wrong-type`: a value of another JSON type than the schema's (a string for an integer, `null`...);
 * - `out-of-range`: a value outside its enum or limits (minimum, maxLength, maxItems, pattern, format);
 * - `unlisted-status`: a status the operation does not list (only its `default`, or nothing);
 * - `unlisted-content-type`: a media type the response does not list;
 * - `unknown-error-code`: an `error_code` that is neither in the 64-code catalogue nor an `APIGW.*` code;
 * - `invalid-request`: the caller's request broke the spec (the mock's own checks).
 */
export const VIOLATION_KINDS = [
  'unknown-field',
  'missing-required',
  'wrong-type',
  'out-of-range',
  'unlisted-status',
  'unlisted-content-type',
  'unknown-error-code',
  'invalid-request',
] as const;

export type ViolationKind = (typeof VIOLATION_KINDS)[number];

/** One problem of one exchange. */
export interface DriftViolation {
  kind: ViolationKind;
  /**
   * Where: `response body field case_list[].status`, `response status`, `response header Content-Disposition`,
   * `request query parameter limit`. Array indices are written `[]`, so one place is one place whatever the item.
   */
  where: string;
  /** The rule, as the schema words it: `is not in the spec`, `must be integer`, `must be <= 100`. */
  rule: string;
  /** The value seen there (not yet redacted), when there is one. */
  value?: unknown;
  /**
   * The name of the field, header or parameter the value is under (`email` for `response body field
   * case_list[].email`), by which the redaction rules judge it; absent when the place has none.
   */
  field?: string;
}
