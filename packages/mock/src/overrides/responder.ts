// Overrides as one of the engine's responders: the first override of the request's operation that
// answers is sent, after its answer is checked against the spec; an answer OSM could not send becomes a
// 500 `OSM.0004` naming what is wrong, and is kept so that a test that swallowed the 500 still fails.

import type { Violation } from '../engine/osm-errors.js';
import type { OsmAnswer, Responder, ValidatedRequest } from '../engine/types.js';
import { describeViolations, type OverrideAnswerCheck } from './answer-check.js';
import { type AnyOsmOverride, overrides } from './override.js';

/** An override answered what OSM could not send (or named an operation the spec does not have). */
export class OverrideError extends Error {
  constructor(
    message: string,
    /** The operation, as the override names it. */
    readonly operation: string,
    /** What is wrong: the status, the content type or a body field, and the rule. */
    readonly violations: readonly Violation[],
    /** The override's `definedAt`: the stack then points at the test that made it, not into the mock. */
    definedAt?: string,
  ) {
    super(message);
    this.name = 'OverrideError';
    if (definedAt) this.stack = `${this.name}: ${message}\n${definedAt}`;
  }
}

/** The error of an answer, or undefined when the spec allows it. JSON is checked as the engine serializes it (a Date as text). */
function invalidAnswer(
  override: AnyOsmOverride,
  request: ValidatedRequest,
  answer: OsmAnswer,
  check: OverrideAnswerCheck,
): OverrideError | undefined {
  const status = answer.status ?? 200;
  const violations =
    'bytes' in answer
      ? check(
          request,
          status,
          answer.contentType,
          typeof answer.bytes === 'string' ? new TextEncoder().encode(answer.bytes) : answer.bytes,
          answer.headers,
        )
      : check(
          request,
          status,
          answer.body === undefined ? undefined : 'application/json',
          answer.body === undefined ? undefined : JSON.parse(JSON.stringify(answer.body)),
          answer.headers,
        );
  if (!violations.length) return undefined;
  return new OverrideError(
    `The override of ${request.operationId} (${request.method.toUpperCase()} ${request.pathTemplate}) answered ${status} with what OSM could not send: ${describeViolations(violations)}. ` +
      `Fix the answer, or pass { validate: false } to override() to send it anyway.`,
    override.operation,
    violations,
    override.definedAt,
  );
}

/** The 500 the client sees instead of an answer OSM could not send. */
function overrideFailure(error: OverrideError): OsmAnswer {
  return { status: 500, body: { error_code: 'OSM.0004', error_msg: error.message } };
}

/**
 * A responder asking `current()` (read on each request: the list may change between requests) in
 * order; a checked answer that fails is pushed to `errors` and answered as a 500.
 */
export function overrideResponder(
  current: () => readonly AnyOsmOverride[],
  check: OverrideAnswerCheck,
  errors: OverrideError[],
): Responder {
  return async (request) => {
    for (const override of current()) {
      if (!overrides(override, request)) continue;
      const answer = await override.resolve(request);
      if (!answer) continue;
      const error = override.validate ? invalidAnswer(override, request, answer, check) : undefined;
      if (!error) return answer;
      errors.push(error);
      return overrideFailure(error);
    }
    return undefined;
  };
}

/** Every operation of a document by both its keys, operationId and `'METHOD /path'`. */
export function operationKeys(document: object): Set<string> {
  const keys = new Set<string>();
  const paths = (document as { paths?: Record<string, Record<string, { operationId?: string }>> }).paths ?? {};
  for (const [path, item] of Object.entries(paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']) {
      const operation = item?.[method];
      if (!operation) continue;
      keys.add(`${method.toUpperCase()} ${path}`);
      if (operation.operationId) keys.add(operation.operationId);
    }
  }
  return keys;
}

/** The error of an override whose operation the served spec does not have, or undefined. */
export function unknownOperation(override: AnyOsmOverride, keys: Set<string>): OverrideError | undefined {
  if (keys.has(override.operation)) return undefined;
  const rule = 'is not an operation of the spec the mock serves';
  const message = `override('${override.operation}'): ${override.operation} ${rule} (check its spelling: an operationId, or 'METHOD /path/{template}' as the spec writes it).`;
  return new OverrideError(message, override.operation, [{ where: 'operation', rule }], override.definedAt);
}
