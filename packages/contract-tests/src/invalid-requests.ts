// Ways to break a valid request so that the spec forbids it: leave out something required (or the
// credentials), make a string too long, a number out of range, a value of the wrong type or outside its
// enum, an array too long. Each is a Mutation of a fixture's request; `variant` (from fast-check) varies the bad value.
import { mediaTypeOf } from './exchange-validator.js';
import type { FixtureRequest } from './fixtures.js';
import type { Parameter, RequestBody, Schema } from './openapi-types.js';
import { formatParameter } from './parameter-values.js';
import { deref, parameterSchema, type SpecOperation } from './spec-under-test.js';
import { CREDENTIAL_HEADERS, escapePointer } from './wire-names.js';

/** One way to make a request invalid. */
export interface Mutation {
  kind: 'missing required' | 'missing credentials' | 'too long' | 'out of range' | 'wrong type' | 'not in enum' | 'too many items';
  /** JSON pointer (into the fixture's request) of what is broken. */
  target: string;
  /** Returns a broken copy of the request. */
  apply(request: FixtureRequest, variant: number): FixtureRequest;
}

type BadValue = { kind: Mutation['kind']; value: (variant: number) => unknown };

const WRONG_FOR_NUMBER = ['abc', '1.5x', 'true'];
// A string one past a limit above this (e.g. 2^31 - 1 for a base64 file) is too big to send.
const LONGEST_SENDABLE = 1_000_000;

/**
 * Values a schema forbids. `typed`: the value travels as JSON, so a value of another JSON type can be
 * sent; parameters and form fields travel as text, where only text that is no number can be.
 */
function badValues(schema: Schema, typed: boolean): BadValue[] {
  const bad: BadValue[] = [];
  const numeric = schema.type === 'integer' || schema.type === 'number';
  if (schema.enum) {
    const numbers = schema.enum.filter((v): v is number => typeof v === 'number');
    bad.push({ kind: 'not in enum', value: (n) => (numeric ? Math.max(...numbers) + 1 + n : `not-an-enum-value-${n}`) });
  }
  if (schema.type === 'string' && schema.maxLength !== undefined && schema.maxLength < LONGEST_SENDABLE) {
    bad.push({ kind: 'too long', value: (n) => 'x'.repeat((schema.maxLength ?? 0) + 1 + n) });
  }
  if (numeric && schema.maximum !== undefined && schema.maximum + 100 < Number.MAX_SAFE_INTEGER) {
    bad.push({ kind: 'out of range', value: (n) => (schema.maximum ?? 0) + 1 + n });
  }
  if (numeric && schema.minimum !== undefined && schema.minimum - 100 > Number.MIN_SAFE_INTEGER) {
    bad.push({ kind: 'out of range', value: (n) => (schema.minimum ?? 0) - 1 - n });
  }
  if (numeric) bad.push({ kind: 'wrong type', value: (n) => WRONG_FOR_NUMBER[n % WRONG_FOR_NUMBER.length] });
  if (typed && schema.type === 'string') bad.push({ kind: 'wrong type', value: (n) => 12345 + n });
  if (typed && schema.type === 'boolean') bad.push({ kind: 'wrong type', value: () => 'yes' });
  if (typed && schema.type === 'object') bad.push({ kind: 'wrong type', value: () => ['not', 'an', 'object'] });
  if (schema.type === 'array') {
    const items = deref<Schema>(schema.items ?? {});
    const sample = items.type === 'integer' || items.type === 'number' ? 1 : 'x';
    if (schema.maxItems !== undefined)
      bad.push({ kind: 'too many items', value: (n) => Array((schema.maxItems ?? 0) + 1 + n).fill(sample) });
    for (const item of badValues(items, typed)) bad.push({ kind: item.kind, value: (n) => [item.value(n)] });
    if (typed) bad.push({ kind: 'wrong type', value: () => 'not-an-array' });
  }
  return bad;
}

function parameterMutations(op: SpecOperation, parameter: Parameter): Mutation[] {
  if (parameter.in === 'cookie') return [];
  const schema = parameterSchema(parameter);
  const headerName = parameter.name.toLowerCase();
  const target =
    parameter.in === 'path'
      ? '/request/path'
      : parameter.in === 'query'
        ? `/request/query/${escapePointer(parameter.name)}`
        : `/request/headers/${escapePointer(headerName)}`;
  const set = (request: FixtureRequest, value: unknown): FixtureRequest => {
    const wire = formatParameter(parameter, value);
    if (parameter.in === 'query') return { ...request, query: { ...request.query, [parameter.name]: wire } };
    if (parameter.in === 'header') return { ...request, headers: { ...request.headers, [headerName]: String(wire) } };
    const parts = request.path.split('/');
    parts[op.path.split('/').indexOf(`{${parameter.name}}`)] = encodeURIComponent(String(wire));
    return { ...request, path: parts.join('/') };
  };
  const mutations: Mutation[] = badValues(schema, false).map((bad) => ({
    kind: bad.kind,
    target,
    apply: (request, variant) => set(request, bad.value(variant)),
  }));
  // A path without its parameter is another path; a required query or header parameter can be left out.
  if (parameter.required && parameter.in !== 'path') {
    mutations.push({
      kind: 'missing required',
      target,
      apply: (request) => {
        if (parameter.in === 'query') {
          const { [parameter.name]: _, ...query } = request.query;
          return { ...request, query };
        }
        const { [headerName]: _, ...headers } = request.headers;
        return { ...request, headers };
      },
    });
  }
  return mutations;
}

/** A copy of `body` with the value at `path` (keys from the top) set to `value`, or deleted with `remove`. */
function updateAt(body: unknown, path: string[], value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(body) ? [...body] : { ...(body as Record<string, unknown>) };
  if (!rest.length && remove) {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete copy[head];
    return copy;
  }
  (copy as Record<string, unknown>)[head] = updateAt((copy as Record<string, unknown>)[head], rest, value, remove);
  return copy;
}

/** Mutations of a body value and everything inside it that the valid request has. */
function bodyMutations(schemaRef: Schema, value: unknown, path: string[], typed: boolean): Mutation[] {
  const schema = deref<Schema>(schemaRef);
  if (schema.anyOf || schema.oneOf || schema.allOf) return [];
  const target = `/request/body${path.map((p) => `/${escapePointer(p)}`).join('')}`;
  const mutations: Mutation[] = badValues(schema, typed).map((bad) => ({
    kind: bad.kind,
    target,
    apply: (request, variant) => ({ ...request, body: updateAt(request.body, path, bad.value(variant)) }),
  }));
  if (schema.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
      const child = (value as Record<string, unknown>)[name];
      const childPath = [...path, name];
      if (child !== undefined && child !== null) mutations.push(...bodyMutations(deref<Schema>(propertySchema), child, childPath, typed));
      if (schema.required?.includes(name) && child !== undefined) {
        mutations.push({
          kind: 'missing required',
          target: `${target}/${escapePointer(name)}`,
          apply: (request) => ({ ...request, body: updateAt(request.body, childPath, undefined, true) }),
        });
      }
    }
  }
  if (schema.type === 'array' && Array.isArray(value) && value.length) {
    const items = deref<Schema>(schema.items ?? {});
    if (items.type === 'object') mutations.push(...bodyMutations(items, value[0], [...path, '0'], typed));
  }
  return mutations;
}

// Every operation requires a token or an AK/SK signature (the spec's global security).
const withoutCredentials: Mutation = {
  kind: 'missing credentials',
  target: '/request/headers/x-auth-token',
  apply: (request) => ({
    ...request,
    headers: Object.fromEntries(Object.entries(request.headers).filter(([name]) => !CREDENTIAL_HEADERS.has(name.toLowerCase()))),
  }),
};

/** Every mutation of `request` (a valid request of `op`) that the spec forbids. */
export function mutationsFor(op: SpecOperation, request: FixtureRequest): Mutation[] {
  const mutations = [withoutCredentials, ...op.parameters.flatMap((parameter) => parameterMutations(op, parameter))];
  const requestBody = op.operation.requestBody ? deref<RequestBody>(op.operation.requestBody) : undefined;
  const mediaType = mediaTypeOf(request.headers['content-type']);
  const schema = mediaType ? requestBody?.content[mediaType]?.schema : undefined;
  if (schema && request.body !== undefined) {
    mutations.push(...bodyMutations(deref<Schema>(schema), request.body, [], mediaType !== 'multipart/form-data'));
    if (requestBody?.required) {
      mutations.push({
        kind: 'missing required',
        target: '/request/body',
        apply: ({ body: _, ...rest }) => {
          const { 'content-type': __, ...headers } = rest.headers;
          return { ...rest, headers };
        },
      });
    }
  }
  return mutations;
}
