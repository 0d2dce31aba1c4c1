// The sandbox's control routes, outside OSM's paths (which all start with /v2/ or /v1.0/):
//   GET  /__osm/state   everything the sandbox holds, in the seed format
//   POST /__osm/reset   back to the seed; with a JSON body, to that seed from now on
import type { Sandbox } from './sandbox.js';
import { SeedError } from './seed.js';

/** The prefix of the control routes. */
export const ADMIN_PREFIX = '/__osm/';

/** An answer of a control route. */
export interface AdminAnswer {
  status: number;
  json: unknown;
}

/**
 * Answers a control route, or returns undefined for any other path. A bad seed is answered with 400
 * and the reason; the store is then left as it was.
 */
export function answerAdmin(sandbox: Sandbox, method: string, path: string, body: string): AdminAnswer | undefined {
  if (!path.startsWith(ADMIN_PREFIX)) return undefined;
  const route = `${method.toUpperCase()} ${path}`;
  if (route === 'GET /__osm/state') return { status: 200, json: sandbox.state() };
  if (route === 'POST /__osm/reset') {
    try {
      sandbox.reset(body.trim() === '' ? undefined : JSON.parse(body));
    } catch (error) {
      if (!(error instanceof SeedError || error instanceof SyntaxError)) throw error;
      return { status: 400, json: { error_code: 'OSM.0001', error_msg: `Invalid seed: ${error.message.replace(/^Invalid seed: /, '')}` } };
    }
    return { status: 200, json: sandbox.state() };
  }
  return { status: 404, json: { error_code: 'APIGW.0101', error_msg: `The API does not exist: ${route} (the sandbox has GET /__osm/state and POST /__osm/reset)` } };
}
