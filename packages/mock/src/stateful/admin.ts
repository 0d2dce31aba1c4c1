// The sandbox's control routes, outside OSM's paths (which all start with /v2/ or /v1.0/):
//   GET  /__osm/state   everything the sandbox holds, in the seed format
//   POST /__osm/reset   back to the seed; with a JSON body, to that seed from now on
import { mockFailureBody } from '../engine/osm-errors.js';
import type { Sandbox } from './sandbox.js';
import { SeedError } from './seed.js';

/** The prefix of the control routes. */
export const ADMIN_PREFIX = '/__osm/';

/** An answer of a control route: a status and its JSON text, in pieces (the state's dump is large). */
export interface AdminAnswer {
  status: number;
  body: Iterable<string>;
}

const answer = (status: number, json: unknown): AdminAnswer => ({ status, body: [JSON.stringify(json)] });

/** `POST /__osm/reset`: a bad seed is 400 with the reason, and the store is left as it was. */
function reset(sandbox: Sandbox, body: string): AdminAnswer {
  try {
    sandbox.reset(body.trim() === '' ? undefined : JSON.parse(body));
  } catch (error) {
    if (error instanceof SeedError || error instanceof SyntaxError) {
      return answer(400, { error_code: 'OSM.0001', error_msg: `Invalid seed: ${error.message.replace(/^Invalid seed: /, '')}` });
    }
    return answer(500, mockFailureBody(String((error as Error).message ?? error)));
  }
  return { status: 200, body: sandbox.dump() };
}

/** Answers a control route, or returns undefined for any other path. */
export function answerAdmin(sandbox: Sandbox, method: string, path: string, body: string): AdminAnswer | undefined {
  if (!path.startsWith(ADMIN_PREFIX)) return undefined;
  const route = `${method.toUpperCase()} ${path}`;
  if (route === 'GET /__osm/state') return { status: 200, body: sandbox.dump() };
  if (route === 'POST /__osm/reset') return reset(sandbox, body);
  return answer(404, {
    error_code: 'APIGW.0101',
    error_msg: `The API does not exist: ${route} (the sandbox has GET /__osm/state and POST /__osm/reset)`,
  });
}
