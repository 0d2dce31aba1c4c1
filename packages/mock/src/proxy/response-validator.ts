// The proxy's use of the answer checker (src/validation/): an upstream's answer against the operation's
// responses, its findings as drift violations for the header, the log and the report. The proxy's policy:
// - `default` in this spec is the API gateway's failures (APIGW.*): an error status the operation does not
//   list is covered only when its body carries a gateway code; any other is drift (`unlisted-status`),
//   its error body still checked;
// - the headers the upstream sent are checked against those the response declares;
// - places are written for aggregation, array items as `[]` (`response body field case_list[].status`),
//   one violation per kind and place, and a value of the wrong type is that, not also outside its enum or
//   limits (the report counts drift, and one wrong value is one); a code the catalogue lacks is said as such.

import { type AnswerBody, type AnswerChecker, type AnswerPolicy, createAnswerChecker } from '../validation/answer-checker.js';
import { type AnswerFinding, type AnswerPlace, type FindingKind, whereOf } from '../validation/answer-finding.js';
import { errorCodeOf } from '../validation/error-body.js';
import type { AnsweredOperation } from '../validation/response-lookup.js';
import type { DriftViolation, ViolationKind } from './violations.js';

/** The operation an answer belongs to (its `operationId`, when given, names it in rules). */
export type OperationRef = AnsweredOperation;

/** An answer as the validator sees it. */
export interface AnswerToCheck {
  status: number;
  /** Names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /**
   * The body: `bytes` read in full; `unread` when it was not kept (a file, over the size kept for
   * checks, compressed, or a HEAD answer's); `none` for an answer without one.
   */
  body: { bytes: Uint8Array } | { unread: true } | { none: true };
}

/** The API gateway's codes, as the spec's `OsmErrorCode` has them (the catalogue's 64 are its enum, checked by the checker). */
const GATEWAY_CODE = /^APIGW\.[0-9]+$/;

const GATEWAY_DEFAULT: AnswerPolicy = {
  coveredByDefault: (status, body) => {
    const code = errorCodeOf(body);
    return status >= 400 && typeof code === 'string' && GATEWAY_CODE.test(code);
  },
  defaultMeans: "the API gateway's APIGW.* errors",
};

/** The kinds the report has for the checker's: an operation the spec lacks cannot be routed, but if it were, no status of it is listed. */
const KIND: Record<FindingKind, ViolationKind> = {
  'unknown-operation': 'unlisted-status',
  'unlisted-status': 'unlisted-status',
  'unlisted-content-type': 'unlisted-content-type',
  'unknown-field': 'unknown-field',
  'missing-required': 'missing-required',
  'wrong-type': 'wrong-type',
  'out-of-range': 'out-of-range',
  'unknown-error-code': 'unknown-error-code',
};

/** `['case_list', '0', 'status']` -> `case_list[].status` */
export function fieldPath(path: readonly string[]): string {
  return path.reduce((written, part) => (/^\d+$/.test(part) ? `${written}[]` : written ? `${written}.${part}` : part), '');
}

/** The name a place's value is under (a body field's last name, not an array index; a header's name), for the redaction rules. */
function fieldOf(place: AnswerPlace): string | undefined {
  if (place.part === 'header') return place.name;
  if (place.part !== 'body') return undefined;
  for (let i = place.path.length - 1; i >= 0; i--) if (!/^\d+$/.test(place.path[i]!)) return place.path[i];
  return undefined;
}

function violationOf(finding: AnswerFinding): DriftViolation {
  const violation: DriftViolation = {
    kind: KIND[finding.kind],
    where: whereOf(finding.place, 'response ', fieldPath),
    // The catalogue's rule, not the 64 values of its enum: the report's reader adds the code to it.
    rule: finding.kind === 'unknown-error-code' ? 'is not in the error-code catalogue (nor an APIGW.* code)' : finding.rule,
  };
  if (finding.value !== undefined) violation.value = finding.value;
  const field = fieldOf(finding.place);
  if (field !== undefined) violation.field = field;
  return violation;
}

/** A validator of answers for one spec; compiles nothing until an answer is checked. */
export class ResponseValidator {
  readonly #check: AnswerChecker;

  /** `document`: the bundled spec (not changed). */
  constructor(document: object) {
    this.#check = createAnswerChecker(document, GATEWAY_DEFAULT);
  }

  /** Every violation of `answer` to `operation`, one per kind and place. */
  check(operation: OperationRef, answer: AnswerToCheck): DriftViolation[] {
    const contentType = answer.headers['content-type'];
    const body: AnswerBody = answer.body;
    const findings = this.#check(operation, {
      status: answer.status,
      contentType: Array.isArray(contentType) ? contentType[0] : contentType,
      headers: answer.headers,
      body,
    });
    const placeKey = (finding: AnswerFinding) => JSON.stringify(finding.place);
    const mistyped = new Set(findings.filter((finding) => finding.kind === 'wrong-type').map(placeKey));
    const violations = new Map<string, DriftViolation>();
    for (const finding of findings) {
      if ((finding.kind === 'out-of-range' || finding.kind === 'unknown-error-code') && mistyped.has(placeKey(finding))) continue;
      const violation = violationOf(finding);
      const key = `${violation.kind} ${violation.where}`;
      if (!violations.has(key)) violations.set(key, violation);
    }
    return [...violations.values()];
  }
}
