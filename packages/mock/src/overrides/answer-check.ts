// The overrides' use of the answer checker (src/validation/): an override's answer is refused when OSM
// could not send it. Their policy: `default` covers any 4xx or 5xx the operation does not list (a test
// may well mock the API gateway's 429 or 503), never a success; and findings are worded for the test
// author reading the failure: `body field statuss: is not a field of this answer in the spec`.
import type { Violation } from '../engine/osm-errors.js';
import { type AnswerBody, type AnswerPolicy, createAnswerChecker } from '../validation/answer-checker.js';
import { type AnswerFinding, whereOf } from '../validation/answer-finding.js';
import type { AnsweredOperation } from '../validation/response-lookup.js';

export type { AnsweredOperation } from '../validation/response-lookup.js';

/**
 * Checks one answer: `status`, its `contentType` and `body` (parsed JSON; bytes for a file or a body sent
 * as bytes, parsed here when its type is JSON; undefined for none), and the `headers` it adds. Returns what
 * is wrong, or an empty list.
 */
export type OverrideAnswerCheck = (
  operation: AnsweredOperation,
  status: number,
  contentType: string | undefined,
  body: unknown,
  headers?: Readonly<Record<string, string>>,
) => Violation[];

const ANY_ERROR: AnswerPolicy = {
  coveredByDefault: (status) => Number.isInteger(status) && status >= 400 && status <= 599,
  defaultMeans: 'any other 4xx or 5xx error',
};

/** A finding as the mock words a refusal; a field the spec lacks is said as the likely misspelling it is. */
function violationOf(finding: AnswerFinding): Violation {
  return {
    where: whereOf(finding.place, '', (path) => path.join('.')),
    rule: finding.kind === 'unknown-field' ? 'is not a field of this answer in the spec' : finding.rule,
  };
}

/** The overrides' answer check of `document`; compiles nothing until an answer is checked. */
export function createOverrideAnswerCheck(document: object): OverrideAnswerCheck {
  const check = createAnswerChecker(document, ANY_ERROR);
  return (operation, status, contentType, body, headers) => {
    const answerBody: AnswerBody = body === undefined ? { none: true } : body instanceof Uint8Array ? { bytes: body } : { json: body };
    return check(operation, { status, contentType, headers, body: answerBody }).map(violationOf);
  };
}

/** Violations as one line, e.g. `body field statuss: is not a field of this answer in the spec`. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((violation) => `${violation.where}: ${violation.rule}`).join('; ');
}
