// JSON Schema validation of fixture and mock values against the spec's schemas (ajv 8 + ajv-formats).
//
// Objects are validated CLOSED: a schema object that lists `properties` and says nothing about
// `additionalProperties` accepts no other fields here. The spec leaves that open for forward
// compatibility, but a recorded exchange with a field the spec does not document is exactly the drift
// these tests exist to find (Redocly's no-invalid-media-type-examples treats examples the same way).
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Reference, Schema } from './openapi-types.js';
import { deref, spec } from './spec-under-test.js';

/** A difference between a value and its schema, located by a JSON pointer into the fixture file. */
export interface Mismatch {
  pointer: string;
  message: string;
}

const SCHEMAS_ID = 'osm-schemas';
const COMPONENT_REF = '#/components/schemas/';

/** Copies a schema for ajv: `$ref`s point into the shared definitions, `x-*` goes, objects are closed. */
function prepare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prepare);
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('x-') || key === 'example') continue;
    if (key === '$ref' && typeof child === 'string' && child.startsWith(COMPONENT_REF)) {
      out.$ref = `${SCHEMAS_ID}#/definitions/${child.slice(COMPONENT_REF.length)}`;
    } else if (key === 'properties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(child as Record<string, unknown>).map(([name, s]) => [name, prepare(s)]));
    } else if (key === 'enum' || key === 'default' || key === 'required') {
      out[key] = child;
    } else {
      out[key] = prepare(child);
    }
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: SCHEMAS_ID, definitions: prepare(spec.components.schemas ?? {}) as Record<string, unknown> });
  return ajv;
}

const ajv = createAjv();
const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: Schema | Reference): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(prepare(schema) as object);
    compiled.set(schema, validate);
  }
  return validate;
}

/** Turns one ajv error into a mismatch: the pointer goes down to the offending field when ajv names it. */
function toMismatch(error: ErrorObject, base: string): Mismatch {
  const params = error.params as Record<string, unknown>;
  let pointer = base + error.instancePath;
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    pointer += `/${String(params.additionalProperty)}`;
    message = 'is not in the spec (unknown field)';
  } else if (error.keyword === 'required') {
    pointer += `/${String(params.missingProperty)}`;
    message = 'is required by the spec but missing';
  } else if (error.keyword === 'enum') {
    const allowed = (params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
    message = `must be one of ${allowed.length > 8 ? `${allowed.slice(0, 8).join(', ')}, ... (${allowed.length} values)` : allowed.join(', ')}`;
  }
  return { pointer, message };
}

/** How many of an object's fields a schema knows: the alternative a value was meant to be knows most. */
function knownFields(branch: Schema | Reference, value: unknown): number {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 0;
  const properties = deref<Schema>(branch).properties ?? {};
  return Object.keys(value).filter((key) => key in properties).length;
}

function branchName(branch: Schema | Reference): string {
  if ('$ref' in branch && typeof branch.$ref === 'string') return branch.$ref.split('/').pop() ?? branch.$ref;
  return (branch as Schema).title ?? (branch as Schema).type ?? 'schema';
}

/**
 * Validates `value` against `schema`; returns the mismatches, located under `pointer`. For an
 * `anyOf`/`oneOf` (a 200 is the result or an OsmErrorBody) it reports the alternative that came closest
 * (knows most of the value's fields, then has fewest complaints), naming it, rather than every alternative's complaints.
 */
export function validateValue(schema: Schema | Reference, value: unknown, pointer: string): Mismatch[] {
  const validate = compile(schema);
  if (validate(value)) return [];
  const resolved = deref<Schema>(schema);
  const alternatives = resolved.anyOf ?? resolved.oneOf;
  if (alternatives && alternatives.length > 1) {
    const tried = alternatives.map((branch) => ({ branch, mismatches: validateValue(branch, value, pointer) }));
    if (tried.every((t) => t.mismatches.length > 0)) {
      const score = (t: (typeof tried)[number]) => knownFields(t.branch, value) * 1000 - t.mismatches.length;
      const best = tried.reduce((a, b) => (score(b) > score(a) ? b : a));
      return best.mismatches.map((m) => ({ ...m, message: `${m.message} (closest match: ${branchName(best.branch)})` }));
    }
  }
  return (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf').map((e) => toMismatch(e, pointer));
}
