// The spec the contract tests check: the bundled @osm-openapi/spec, or another bundle named by
// OSM_CONTRACT_SPEC (how the "deliberate break" is tried on a copy without touching spec/).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openapiJsonPath } from '@osm-openapi/spec';
import type { OpenApiDocument, Operation, Parameter, Reference, RequestBody, Schema } from './openapi-types.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** One operation of the spec, with everything the checks need to find it. */
export interface SpecOperation {
  operationId: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The path template, e.g. `/v2/servicerequest/cases/{case_id}/labels`. */
  path: string;
  operation: Operation;
  /** Path-level and operation-level parameters, resolved, operation-level ones winning. */
  parameters: Parameter[];
}

/** Absolute path of the bundled spec under test. */
export const specPath: string = process.env.OSM_CONTRACT_SPEC ? resolve(process.env.OSM_CONTRACT_SPEC) : openapiJsonPath;

/** The spec under test, parsed. */
export const spec: OpenApiDocument = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;

/** Follows a local `$ref` (`#/components/...`) until it reaches a value. */
export function deref<T>(value: T | Reference): T {
  let current: unknown = value;
  const seen = new Set<string>();
  while (current && typeof current === 'object' && '$ref' in current) {
    const ref = (current as Reference).$ref;
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current as T;
}

function listOperations(): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    const shared = (item.parameters ?? []).map((p) => deref<Parameter>(p));
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation?.operationId) continue;
      const own = (operation.parameters ?? []).map((p) => deref<Parameter>(p));
      const parameters = [...shared.filter((s) => !own.some((o) => o.name === s.name && o.in === s.in)), ...own];
      found.push({ operationId: operation.operationId, method: method.toUpperCase(), path, operation, parameters });
    }
  }
  return found;
}

/** Every operation of the spec under test, in document order. */
export const operations: SpecOperation[] = listOperations();

/** The operation with this operationId; throws naming it when the spec has none. */
export function operationById(operationId: string): SpecOperation {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`the spec has no operation "${operationId}"`);
  return op;
}

/** The schema of a parameter, resolved. */
export function parameterSchema(parameter: Parameter): Schema {
  return deref<Schema>(parameter.schema ?? {});
}

/** Names of the file fields (`type: string, format: binary`) of an operation's multipart/form-data body. */
export function multipartFileFields(op: SpecOperation): Set<string> {
  const requestBody = op.operation.requestBody ? deref<RequestBody>(op.operation.requestBody) : undefined;
  const schema = requestBody?.content['multipart/form-data']?.schema;
  const properties = schema ? (deref<Schema>(schema).properties ?? {}) : {};
  return new Set(
    Object.entries(properties)
      .filter(([, s]) => deref<Schema>(s).format === 'binary')
      .map(([name]) => name),
  );
}
