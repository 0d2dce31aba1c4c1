// Step: every parameter sent is checked against its schema here, in full (Prism misjudges some number
// rules and list forms); missing required ones are left to Prism's validation.
import type { Exchange } from '../pipeline.js';
import { parameterViolations } from '../request-checks.js';

export function checkParameters(exchange: Exchange) {
  const { operation, pathParams, query, request } = exchange;
  for (const parameter of operation.parameters) {
    const header = request.headers[parameter.name.toLowerCase()];
    const values =
      parameter.in === 'path'
        ? pathParams[parameter.name] === undefined
          ? []
          : [pathParams[parameter.name]!]
        : parameter.in === 'query'
          ? (query.get(parameter.name) ?? [])
          : header === undefined
            ? []
            : [header];
    if (values.length) exchange.violations.push(...parameterViolations(parameter, values));
  }
  return undefined;
}
