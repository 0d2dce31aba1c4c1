// Step (strict mode only): query parameters and body fields the spec does not name are refused. OSM
// ignores them; a test that wants to know it sent only what the spec has turns this on.
import { formFields } from '../form.js';
import type { Exchange } from '../pipeline.js';
import { unknownBodyFields } from '../request-checks.js';
import { bodySchema } from './body.js';

export function refuseUnknownFields(exchange: Exchange) {
  const known = new Set(exchange.operation.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of exchange.query.keys()) {
    if (!known.has(name))
      exchange.violations.push({ where: `query parameter ${name}`, rule: 'is not a parameter of this operation (strict mode)' });
  }
  const schema = bodySchema(exchange);
  const { value, form } = exchange.body;
  if (schema && (form || value !== undefined)) exchange.violations.push(...unknownBodyFields(schema, form ? formFields(form) : value));
  return undefined;
}
