// The engine's own answers in OSM's wire format: a JSON body with the CORS headers, and refusals
// (`OSM.0001` naming each violation).
import { badRequestBody, type Violation } from './osm-errors.js';
import type { MockResponse } from './types.js';

/** An answer with a JSON body and the CORS headers. */
export function jsonAnswer(status: number, body: unknown, cors: Record<string, string>, extra: Record<string, string> = {}): MockResponse {
  return { status, headers: { ...cors, ...extra, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** A refusal (`OSM.0001`) listing what is wrong. */
export function refusal(
  status: number,
  violations: readonly Violation[],
  cors: Record<string, string>,
  extra?: Record<string, string>,
): MockResponse {
  return jsonAnswer(status, badRequestBody(violations), cors, extra);
}
