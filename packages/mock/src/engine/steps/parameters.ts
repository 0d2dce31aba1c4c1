// Step: every parameter sent is checked against its schema here, in full (Prism misjudges some number
// rules and list forms); missing required ones are left to Prism's validation.
import type { ParameterModel } from '../operation-model.js';
import type { Exchange } from '../pipeline.js';
import { parameterViolations } from '../request-checks.js';

/** The values the request sends for `parameter`, decoded: none when it is absent, more than one for a repeated query key. */
export function sentValues(exchange: Exchange, parameter: ParameterModel): string[] {
  if (parameter.in === 'query') return exchange.query.get(parameter.name) ?? [];
  const value = parameter.in === 'path' ? exchange.pathParams[parameter.name] : exchange.request.headers[parameter.name.toLowerCase()];
  return value === undefined ? [] : [value];
}

export function checkParameters(exchange: Exchange) {
  for (const parameter of exchange.operation.parameters) {
    const values = sentValues(exchange, parameter);
    if (values.length) exchange.violations.push(...parameterViolations(parameter, values));
  }
  return undefined;
}
