// Step: a body over 10 MiB is refused (413, as Prism's CLI did), and so is a compressed one (415: the
// API takes uncompressed bodies), before anything reads it.
import { refusal } from '../answers.js';
import type { Violation } from '../osm-errors.js';
import type { Exchange } from '../pipeline.js';

/** Requests with a larger body are refused (413). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Why a body over {@link MAX_BODY_BYTES} is refused. */
export const BODY_TOO_LARGE: Violation = { where: 'body', rule: `must NOT be larger than ${MAX_BODY_BYTES} bytes (10 MiB)` };

export function checkBodyLimits({ request, cors }: Exchange) {
  if (request.body && request.body.byteLength > MAX_BODY_BYTES) return refusal(413, [BODY_TOO_LARGE], cors);
  const encoding = request.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    return refusal(
      415,
      [{ where: 'header parameter Content-Encoding', rule: `must be identity: the API takes uncompressed bodies, got ${encoding}` }],
      cors,
    );
  }
  return undefined;
}
