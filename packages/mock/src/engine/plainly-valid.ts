// Whether a request is plainly valid, so that Prism's validator has nothing to find in it and need not
// be loaded (its libraries are most of a cold first answer): no violation found so far, no body on
// either side, every required parameter sent, and every parameter sent either checked in full by the
// parameter step (integers) or a plain string whose rules (length, enum) are judged here as ajv would.
// Anything else - a body, a list, a pattern, a format, an escaped path value - goes to Prism as before.
import type { ParameterModel, Schema } from './operation-model.js';
import type { Exchange } from './pipeline.js';
import { checkedHere } from './request-checks.js';
import { sentValues } from './steps/parameters.js';

/** The keywords of a string schema judged here; the others listed are annotations that change nothing. */
const RULES = new Set(['type', 'minLength', 'maxLength', 'enum']);
const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'default', 'example', 'examples', 'deprecated']);

/** A string schema with no rule but length and enum (and no style that changes how the value is written). */
function plainString(parameter: ParameterModel): boolean {
  const { schema, style } = parameter;
  return (
    schema.type === 'string' &&
    (style === undefined || style === 'simple' || style === 'form') &&
    Object.keys(schema).every((key) => RULES.has(key) || ANNOTATIONS.has(key) || key.startsWith('x-'))
  );
}

/** Whether `value` keeps the rules of a plain string schema; lengths count code points, as ajv's do. */
function keepsRules(schema: Schema, value: string): boolean {
  const length = [...value].length;
  return (
    // An empty value is left to Prism, which may read it as absent.
    length > 0 &&
    (schema.minLength === undefined || length >= schema.minLength) &&
    (schema.maxLength === undefined || length <= schema.maxLength) &&
    (schema.enum === undefined || schema.enum.includes(value))
  );
}

/** Whether Prism's validator would find nothing wrong with the request (see the top of this file). */
export function plainlyValid(exchange: Exchange): boolean {
  const { operation, request, violations, rawParams } = exchange;
  if (violations.length || operation.bodies.length || request.body?.byteLength) return false;
  return operation.parameters.every((parameter) => {
    const values = sentValues(exchange, parameter);
    if (!values.length) return !parameter.required;
    if (checkedHere(parameter)) return true;
    if (parameter.in === 'path' && rawParams[parameter.name]?.includes('%')) return false;
    return values.length === 1 && plainString(parameter) && keepsRules(parameter.schema, values[0]!);
  });
}
