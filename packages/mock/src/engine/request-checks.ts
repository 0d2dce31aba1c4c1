// The checks Prism's validator leaves out or gets wrong, made before Prism sees the request:
// - integers are read as JSON would write them: `0x10`, ` 1` and `1e1` are not integers, and an int64
//   beyond 2^53 - 1 is compared exactly (Prism coerces through a JavaScript number);
// - an empty value is still a value: `?app_key=` breaks `minLength: 1`;
// - a repeated query key is every value it carries, not the last one;
// - in strict mode, unknown query parameters and body fields are refused;
// - a multipart field the spec declares as a file must be a file part.
import type { FormPart } from './form.js';
import type { ParameterModel, Schema } from './operation-model.js';
import type { Violation } from './osm-errors.js';

const INT_RANGES: Record<string, [bigint, bigint]> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
};

const isInteger = (schema: Schema | undefined) => schema?.type === 'integer';

/** Whether the engine checks this parameter's values entirely itself (integers and arrays of them). */
export function checkedHere(parameter: ParameterModel): boolean {
  return isInteger(parameter.schema) || (parameter.schema.type === 'array' && isInteger(parameter.schema.items));
}

/** The rules an integer written as `text` breaks, in Prism's (ajv's) words. */
function integerRules(text: string, schema: Schema): string[] {
  if (!/^-?\d+$/.test(text)) return ['must be integer'];
  const value = BigInt(text);
  if (
    schema.enum &&
    !schema.enum.some((allowed) => typeof allowed === 'number' && Number.isInteger(allowed) && BigInt(allowed) === value)
  ) {
    return [`must be equal to one of the allowed values: ${schema.enum.join(', ')}`];
  }
  const rules: string[] = [];
  const bound = (limit: number) => BigInt(Math.trunc(limit));
  if (typeof schema.minimum === 'number' && value < bound(Math.ceil(schema.minimum))) rules.push(`must be >= ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && value > bound(Math.floor(schema.maximum))) rules.push(`must be <= ${schema.maximum}`);
  if (typeof schema.exclusiveMinimum === 'number' && value <= bound(Math.floor(schema.exclusiveMinimum)))
    rules.push(`must be > ${schema.exclusiveMinimum}`);
  if (typeof schema.exclusiveMaximum === 'number' && value >= bound(Math.ceil(schema.exclusiveMaximum)))
    rules.push(`must be < ${schema.exclusiveMaximum}`);
  const range = INT_RANGES[schema.format ?? ''];
  if (range && (value < range[0] || value > range[1])) rules.push(`must match format "${schema.format}"`);
  return rules;
}

/** The items of a comma-list value (an empty value is no item). */
export function listItems(value: string): string[] {
  return value === '' ? [] : value.split(',');
}

/** Violations of an integer (or array of integers) parameter, checked in full. */
function integerViolations(parameter: ParameterModel, values: string[], where: string): Violation[] {
  const { schema } = parameter;
  if (schema.type !== 'array') return integerRules(values[0] ?? '', schema).map((rule) => ({ where, rule }));
  const items = values.flatMap((v) => (parameter.commaList ? listItems(v) : [v]));
  const violations: Violation[] = [];
  if (typeof schema.minItems === 'number' && items.length < schema.minItems)
    violations.push({ where, rule: `must NOT have fewer than ${schema.minItems} items` });
  if (typeof schema.maxItems === 'number' && items.length > schema.maxItems)
    violations.push({ where, rule: `must NOT have more than ${schema.maxItems} items` });
  items.forEach((item, index) => {
    for (const rule of integerRules(item, schema.items ?? {})) violations.push({ where: `${where}.${index}`, rule });
  });
  return violations;
}

/**
 * Violations of one parameter's values that Prism would miss: `values` holds each value sent (one,
 * except for a repeated query key). Integer parameters are checked here in full.
 */
export function parameterViolations(parameter: ParameterModel, values: string[]): Violation[] {
  const where = `${parameter.in} parameter ${parameter.name}`;
  if (values.length > 1 && parameter.schema.type !== 'array') return [{ where, rule: `must be given once, got ${values.length} values` }];
  if (checkedHere(parameter)) return integerViolations(parameter, values, where);
  const [value] = values;
  const { schema } = parameter;
  if (value === '' && schema.type === 'string' && typeof schema.minLength === 'number' && schema.minLength > 0) {
    return [{ where, rule: `must NOT have fewer than ${schema.minLength} characters` }];
  }
  if (value !== undefined && schema.type === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) return [{ where, rule: 'must be number' }];
  return [];
}

/** The properties an object schema names, with those of its `allOf` parts; undefined when any are allowed. */
function knownProperties(schema: Schema): Map<string, Schema> | undefined {
  if (schema.anyOf || schema.oneOf || (schema.additionalProperties !== undefined && schema.additionalProperties !== false))
    return undefined;
  const known = new Map<string, Schema>(Object.entries(schema.properties ?? {}));
  for (const part of schema.allOf ?? []) {
    const inPart = knownProperties(part);
    if (!inPart) return undefined;
    for (const [name, property] of inPart) known.set(name, property);
  }
  return known.size || schema.properties ? known : undefined;
}

/** Strict mode: the fields of `value` (at `path`) that its schema does not name, at any depth. */
export function unknownBodyFields(schema: Schema, value: unknown, path: string[] = []): Violation[] {
  if (Array.isArray(value))
    return schema.items ? value.flatMap((item, i) => unknownBodyFields(schema.items!, item, [...path, String(i)])) : [];
  if (value === null || typeof value !== 'object') return [];
  const known = knownProperties(schema);
  if (!known) return [];
  return Object.entries(value).flatMap(([name, field]) => {
    const property = known.get(name);
    const where = `body field ${[...path, name].join('.')}`;
    return property
      ? unknownBodyFields(property, field, [...path, name])
      : [{ where, rule: 'is not a field of this operation (strict mode)' }];
  });
}

/** Multipart fields declared as files (`format: binary`) that were sent as text parts. */
export function textPartsForFiles(schema: Schema, form: readonly FormPart[]): Violation[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => property.type === 'string' && (property.format === 'binary' || property.contentMediaType !== undefined))
    .filter(([name]) => form.some((part) => part.name === name && typeof part.value === 'string'))
    .map(([name]) => ({ where: `body field ${name}`, rule: 'must be a file (a form part with a filename)' }));
}
