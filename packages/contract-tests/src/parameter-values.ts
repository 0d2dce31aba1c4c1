// Parameters travel as text (path segments, query strings, headers). These functions turn the text
// back into the typed values their schemas describe, following each parameter's style and explode.
import type { Parameter, Schema } from './openapi-types.js';
import { deref, parameterSchema } from './spec-under-test.js';

/** Text to number/boolean when the schema wants one and the text is one; otherwise the text unchanged. */
function coerce(schema: Schema, text: string): unknown {
  if ((schema.type === 'integer' || schema.type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (schema.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * The typed value of a parameter from its wire form: `label_ids=1,2` (form, explode false) gives
 * `[1, 2]`; a repeated query name gives one item per occurrence; `X-Site: 1` gives `1`. Text that
 * does not fit the schema is kept as text, so that validation reports it.
 */
export function parseParameter(parameter: Parameter, raw: string | string[]): unknown {
  const schema = parameterSchema(parameter);
  if (schema.type !== 'array') {
    return Array.isArray(raw) ? raw.map((r) => coerce(schema, r)) : coerce(schema, raw);
  }
  const items = deref<Schema>(schema.items ?? {});
  const explode = parameter.explode ?? parameter.in === 'query';
  const parts = Array.isArray(raw) ? raw : explode ? [raw] : raw === '' ? [] : raw.split(',');
  return parts.map((part) => coerce(items, part));
}

/** The wire form of a typed parameter value, the inverse of {@link parseParameter}. */
export function formatParameter(parameter: Parameter, value: unknown): string | string[] {
  if (!Array.isArray(value)) return String(value);
  const explode = parameter.explode ?? parameter.in === 'query';
  return explode && parameter.in === 'query' ? value.map(String) : value.map(String).join(',');
}
