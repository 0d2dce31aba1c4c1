// Step: Prism's validator checks the request against the operation (required parameters, the body
// against its schema), for what the steps before it do not check in full themselves. A request that is
// plainly valid (plainly-valid.ts) skips it, and Prism's validator is loaded on the first that is not.
import { formForPrism } from '../form.js';
import { fromPrism } from '../osm-errors.js';
import type { Exchange } from '../pipeline.js';
import { plainlyValid } from '../plainly-valid.js';
import type { PrismInput } from '../prism.js';
import { checkedHere } from '../request-checks.js';

/** The request as Prism reads it: a repeated key of a comma-list parameter as one list, a form re-encoded. */
export function prismInput(exchange: Exchange): PrismInput {
  const { operation, query, request, verb, path, body } = exchange;
  const comma = new Set(operation.parameters.filter((p) => p.in === 'query' && p.commaList).map((p) => p.name));
  const prismQuery: Record<string, string | string[]> = {};
  for (const [name, values] of query) prismQuery[name] = comma.has(name) ? values.join(',') : values.length === 1 ? values[0]! : values;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
  // Prism checks the content type only of a body whose Content-Length it sees; fetch's requests (the MSW door) carry none.
  if (request.body?.byteLength) headers['content-length'] = String(request.body.byteLength);
  const form = body.form ? formForPrism(body.form) : undefined;
  if (form) headers['content-type'] = form.contentType;
  return { method: verb, path, query: prismQuery, headers, body: form ? form.body : body.value };
}

export async function checkWithPrism(exchange: Exchange) {
  if (plainlyValid(exchange)) return undefined;
  const { validateWithPrism } = await import('../prism.js');
  // Parameters checked in full by the parameter step are not reported twice (and Prism misjudges their numbers).
  const checked = new Set(exchange.operation.parameters.filter(checkedHere).map((p) => `${p.in}:${p.name.toLowerCase()}`));
  const errors = validateWithPrism(exchange.operation.prism, prismInput(exchange)).filter(
    (d) => d.severity === 0 && !checked.has(`${d.path?.[0]}:${String(d.path?.[1]).toLowerCase()}`),
  );
  exchange.violations.push(...errors.map(fromPrism));
  exchange.reported.push(...errors.map((d) => ({ location: ['request', ...(d.path ?? [])], message: d.message })));
  return undefined;
}
