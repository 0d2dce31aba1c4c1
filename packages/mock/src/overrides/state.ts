// A front door's overrides: those given at start, those added while it runs (`mock.use()`), the errors
// of their answers, and the one answer checker they share (compiled lazily, per response).
import type { Responder } from '../engine/types.js';
import { createOverrideAnswerCheck, type OverrideAnswerCheck } from './answer-check.js';
import type { AnyOsmOverride } from './override.js';
import { type OverrideError, operationKeys, overrideResponder, unknownOperation } from './responder.js';

/** The overrides of one mock. */
export interface OverrideState {
  /** Asks the overrides in use: the latest added first, then those given at start. */
  readonly responder: Responder;
  /** Adds overrides in front of those in use; throws an `OverrideError` for one whose operation the spec does not have. */
  use(overrides: readonly AnyOsmOverride[]): void;
  /** Back to the overrides given at start. */
  reset(): void;
  /**
   * A responder of `overrides` alone, sharing this state's checker and errors (an MSW handler's). Throws
   * (and keeps) an `OverrideError` for one whose operation the spec does not have.
   */
  responderOf(overrides: readonly AnyOsmOverride[]): Responder;
  /** The errors since the last call, oldest first; forgets them. */
  takeErrors(): OverrideError[];
}

/** The override state of a mock serving `document`; throws an `OverrideError` if an initial override names no operation of it. */
export function createOverrideState(document: object, initial: readonly AnyOsmOverride[] = []): OverrideState {
  const keys = operationKeys(document);
  const check: OverrideAnswerCheck = createOverrideAnswerCheck(document);
  const errors: OverrideError[] = [];
  const known = (overrides: readonly AnyOsmOverride[]) => {
    for (const override of overrides) {
      const error = unknownOperation(override, keys);
      if (error) throw error;
    }
  };
  known(initial);
  let added: AnyOsmOverride[] = [];
  const inUse = [...initial];
  return {
    responder: overrideResponder(() => inUse, check, errors),
    use(overrides) {
      known(overrides);
      // Like msw's server.use(): what is added last is asked first.
      added = [...overrides, ...added];
      inUse.splice(0, inUse.length, ...added, ...initial);
    },
    reset() {
      added = [];
      inUse.splice(0, inUse.length, ...initial);
    },
    responderOf(overrides) {
      const unknown = overrides.map((override) => unknownOperation(override, keys)).find(Boolean);
      if (!unknown) return overrideResponder(() => overrides, check, errors);
      errors.push(unknown);
      throw unknown;
    },
    takeErrors: () => errors.splice(0, errors.length),
  };
}
