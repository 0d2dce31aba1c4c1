// What the vitest helpers do after each test with the errors of overrides' answers: the client saw a
// 500 already, but code under test may have caught it; the test fails here all the same.
import type { OverrideError } from '../overrides/responder.js';

/** Throws the errors of overrides' answers seen during a test, as one error naming them all. */
export function failOnOverrideErrors(errors: readonly OverrideError[]): void {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1)
    throw new AggregateError(
      errors,
      `${errors.length} overrides answered what OSM could not send:\n${errors.map((error) => `- ${error.message}`).join('\n')}`,
    );
}
