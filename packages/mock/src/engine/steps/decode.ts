// Step: path parameters and the query are decoded. A malformed escape in the path is refused at once
// (Prism decodes the path itself and throws on one); the query's are reported with the other violations.
import { refusal } from '../answers.js';
import type { Violation } from '../osm-errors.js';
import type { Exchange } from '../pipeline.js';
import { decode, readQuery } from '../read-request.js';

export function decodeParameters(exchange: Exchange) {
  const violations: Violation[] = [];
  for (const [name, raw] of Object.entries(exchange.rawParams)) {
    const value = decode(raw);
    if (value === undefined) violations.push({ where: `path parameter ${name}`, rule: 'must be valid percent-encoding (UTF-8)' });
    else exchange.pathParams[name] = value;
  }
  if (violations.length) return refusal(400, violations, exchange.cors);
  const query = readQuery(exchange.search);
  exchange.query = query.values;
  exchange.violations.push(...query.violations);
  return undefined;
}
