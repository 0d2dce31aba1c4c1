// Step: a request whose headers (URL included) pass 16 KB is refused with 431, as Node's HTTP server
// does by default; the MSW door has no such limit of its own.
import { refusal } from '../answers.js';
import type { Violation } from '../osm-errors.js';
import type { Arrival } from '../pipeline.js';
import { headerBytes } from '../read-request.js';

/** Requests with larger headers (URL included) are refused (431). */
export const MAX_HEADER_BYTES = 16 * 1024;
/** Why headers over {@link MAX_HEADER_BYTES} are refused. */
export const HEADERS_TOO_LARGE: Violation = { where: 'request headers', rule: 'must NOT be larger than 16 KB together with the URL' };

export function refuseLargeHead({ request, cors }: Arrival) {
  return headerBytes(request) > MAX_HEADER_BYTES ? refusal(431, [HEADERS_TOO_LARGE], cors) : undefined;
}
