// Reads the bundled spec the way a consumer's test would: every operation, a valid request built from
// its examples, and its named response examples.
import { loadSpec } from '@osm-openapi/spec';

/** The schema keywords the tests read. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: SchemaObject;
  required?: string[];
  properties?: Record<string, SchemaObject>;
}
/** A parameter of an operation. */
export interface ParameterObject {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  explode?: boolean;
  schema?: SchemaObject;
  example?: unknown;
  examples?: Record<string, { value: unknown }>;
}
interface MediaTypeObject {
  schema?: SchemaObject;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaTypeObject>;
}
interface OperationObject {
  operationId: string;
  parameters?: ParameterObject[];
  requestBody?: { content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
}

/** One operation of the bundled spec. */
export interface SpecOperation {
  method: string;
  path: string;
  operationId: string;
  operation: OperationObject;
}

/** One named example of one response of an operation. */
export interface NamedExample {
  status: string;
  mediaType: string;
  name: string;
  value: unknown;
}

const spec = loadSpec() as {
  paths: Record<string, Record<string, OperationObject>>;
  components: Record<string, Record<string, unknown>>;
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Follows a local `$ref` (`#/components/<kind>/<name>`), or returns the object itself. */
export function deref<T extends { $ref?: string }>(object: T): T {
  if (!object.$ref) return object;
  const [, , kind, name] = object.$ref.split('/');
  return deref(spec.components[kind ?? '']?.[name ?? ''] as T);
}

/** Every operation of the bundled spec, in document order. */
export function specOperations(): SpecOperation[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, operationId: item[method]!.operationId, operation: item[method]! })),
  );
}

function exampleValue(parameter: ParameterObject): unknown {
  const schema = parameter.schema ? deref(parameter.schema) : undefined;
  const value = parameter.example ?? Object.values(parameter.examples ?? {})[0]?.value ?? schema?.example ?? schema?.enum?.[0];
  if (value === undefined) throw new Error(`the spec gives no example for ${parameter.in} parameter ${parameter.name}`);
  return value;
}

/** Array parameters are comma lists in this spec (`style: form, explode: false`, or `simple` in paths). */
function serialize(value: unknown): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

function multipartBody(media: MediaTypeObject, value: Record<string, unknown>): FormData {
  const properties = (media.schema ? deref(media.schema) : {}).properties ?? {};
  const form = new FormData();
  for (const [name, part] of Object.entries(value)) {
    const isFile = properties[name]?.format === 'binary';
    if (isFile) form.append(name, new Blob([new Uint8Array([0x4f, 0x53, 0x4d])], { type: 'application/octet-stream' }), 'example.bin');
    else form.append(name, String(part));
  }
  return form;
}

/**
 * A request the spec calls valid: path and required query/header parameters from their examples, the
 * request body from its first named example (a real FormData for multipart), a token.
 */
export function validRequest(entry: SpecOperation, extraHeaders: Record<string, string> = {}): { url: string; init: RequestInit } {
  const parameters = (entry.operation.parameters ?? []).map(deref);
  let path = entry.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = { 'X-Auth-Token': 'mock-token', ...extraHeaders };
  for (const parameter of parameters) {
    if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(serialize(exampleValue(parameter))));
    else if (parameter.required && parameter.in === 'query') query.set(parameter.name, serialize(exampleValue(parameter)));
    else if (parameter.required && parameter.in === 'header') headers[parameter.name] = serialize(exampleValue(parameter));
  }
  const init: RequestInit = { method: entry.method.toUpperCase(), headers };
  const [mediaType, media] = Object.entries(entry.operation.requestBody?.content ?? {})[0] ?? [];
  if (mediaType && media) {
    const example = deref(Object.values(media.examples ?? {})[0] ?? {}).value;
    if (example === undefined) throw new Error(`the spec gives no request body example for ${entry.operationId}`);
    if (mediaType === 'multipart/form-data') init.body = multipartBody(media, example as Record<string, unknown>);
    else {
      init.body = JSON.stringify(example);
      headers['Content-Type'] = mediaType;
    }
  }
  const search = query.toString();
  return { url: search ? `${path}?${search}` : path, init };
}

/** The responses of an operation with their media types, schemas resolved. */
export function responseContents(entry: SpecOperation): { status: string; mediaType: string; schema: SchemaObject }[] {
  return Object.entries(entry.operation.responses).flatMap(([status, response]) =>
    Object.entries(deref(response).content ?? {}).map(([mediaType, media]) => ({ status, mediaType, schema: deref(media.schema ?? {}) })),
  );
}

/** Every named example of every response of an operation. */
export function namedExamples(entry: SpecOperation): NamedExample[] {
  return Object.entries(entry.operation.responses).flatMap(([status, response]) =>
    Object.entries(deref(response).content ?? {}).flatMap(([mediaType, media]) =>
      Object.entries(media.examples ?? {}).map(([name, example]) => ({ status, mediaType, name, value: deref(example).value })),
    ),
  );
}
