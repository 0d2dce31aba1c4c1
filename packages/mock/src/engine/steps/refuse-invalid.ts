// Step: a request with any violation is refused with 400 `OSM.0001` naming each one, and Prism's own
// diagnostics in an `sl-violations` header, as Prism's CLI reports them.
import { refusal } from '../answers.js';
import type { Exchange } from '../pipeline.js';

/** The `sl-violations` header is cut to this length (a header, not a report). */
const MAX_REPORTED_CHARS = 8000;

export function refuseInvalid({ violations, reported, cors }: Exchange) {
  if (!violations.length) return undefined;
  return refusal(400, violations, cors, reported.length ? { 'sl-violations': JSON.stringify(reported).slice(0, MAX_REPORTED_CHARS) } : {});
}
