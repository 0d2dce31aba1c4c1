// Step: credentials first, as OSM does: no credential header at all is 401 `OSM.0002`; one outside the
// lengths the spec gives is 400. Whether a credential is genuine is not the mock's business.
import { jsonAnswer, refusal } from '../answers.js';
import { unauthorizedBody } from '../osm-errors.js';
import type { Exchange } from '../pipeline.js';

export function checkCredentials({ operation, request, cors }: Exchange) {
  if (!operation.credentials.length) return undefined;
  const headers = request.headers;
  const sent = operation.credentials.filter((c) => headers[c.name.toLowerCase()]);
  if (!sent.length) return jsonAnswer(401, unauthorizedBody(), cors);
  const wrongLength = sent.flatMap((c) => {
    const length = headers[c.name.toLowerCase()]!.length;
    const where = `header parameter ${c.name}`;
    if (length > c.max) return [{ where, rule: `must NOT have more than ${c.max} characters` }];
    return length < c.min ? [{ where, rule: `must NOT have fewer than ${c.min} characters` }] : [];
  });
  return wrongLength.length ? refusal(400, wrongLength, cors) : undefined;
}
