// What the engine needs to know about each operation beyond what Prism checks, read once from Prism's
// own parsed operations (so the spec is parsed once): its credential headers and their length rules,
// its parameters, which of its responses are files, and which named examples each response holds.
import type { IHttpOperation, IHttpParam } from '@stoplight/types';

/** A JSON Schema as it appears in a parsed operation (only the keywords the engine reads). */
export interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  contentMediaType?: string;
  nullable?: boolean;
}

/** A credential header the operation accepts, with its length rule (from `x-minLength`/`x-maxLength`). */
export interface CredentialHeader {
  /** As the spec writes it, e.g. `X-Auth-Token`. */
  name: string;
  min: number;
  max: number;
}

/** A path, query or header parameter. */
export interface ParameterModel {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
  /** How the value is written (`simple`, `form`, `label`, ...), when the spec says. */
  style?: string;
  /** An array sent as one comma-separated value (`style: form, explode: false`, or `simple`). */
  commaList: boolean;
}

/** One media type of one response. */
export interface ResponseContent {
  mediaType: string;
  /** The body is a file (`type: string, format: binary`). */
  file: boolean;
  /** Names of its examples. */
  examples: string[];
}

/** One response of an operation: `200`, `400`, ... or `default`. */
export interface ResponseModel {
  code: string;
  contents: ResponseContent[];
}

/** An operation, as the engine sees it. */
export interface OperationModel {
  /** Prism's parsed operation, handed to Prism as the only candidate. */
  prism: IHttpOperation;
  operationId: string;
  method: string;
  pathTemplate: string;
  /** Credential headers, any one of which authenticates; empty when the operation needs none. */
  credentials: CredentialHeader[];
  parameters: ParameterModel[];
  /** Media types of the request body with their schemas. */
  bodies: { mediaType: string; schema: Schema }[];
  responses: ResponseModel[];
}

function isFileSchema(schema: Schema | undefined): boolean {
  return schema?.type === 'string' && (schema.format === 'binary' || schema.contentMediaType !== undefined);
}

/**
 * The headers that carry the operation's credentials. An `apiKey` scheme names its header; every other
 * kind (`http` such as OSM's AK/SK signing `SDK-HMAC-SHA256`, OAuth, OpenID) travels in `Authorization`.
 * Only presence and the length rules are checked: the mock has no secret to verify a signature with.
 */
function credentialHeaders(operation: IHttpOperation): CredentialHeader[] {
  return (operation.security ?? []).flat().flatMap((scheme) => {
    if (scheme.type !== 'apiKey') return [{ name: 'Authorization', min: 1, max: Number.POSITIVE_INFINITY }];
    if (scheme.in !== 'header') return [];
    const extensions = (scheme.extensions ?? {}) as Record<string, unknown>;
    const min = typeof extensions['x-minLength'] === 'number' ? extensions['x-minLength'] : 1;
    const max = typeof extensions['x-maxLength'] === 'number' ? extensions['x-maxLength'] : Number.POSITIVE_INFINITY;
    return [{ name: scheme.name, min, max }];
  });
}

function parameterModel(param: IHttpParam, place: ParameterModel['in']): ParameterModel {
  const schema = (param.schema ?? {}) as Schema;
  const style = (param as { style?: string }).style;
  const explode = (param as { explode?: boolean }).explode;
  const commaList = schema.type === 'array' && (style === 'simple' || (style === 'form' && explode === false));
  return { name: param.name, in: place, required: param.required === true, schema, style, commaList };
}

/**
 * Undoes a narrowing of Prism's spec parser (@stoplight/http-spec): it bounds every `format: int64`
 * to +-(2^53 - 1), JavaScript's safe integers, so valid IDs above 2^53 - 1 were refused. The int64
 * range is checked exactly by the engine (request-checks.ts) for parameters; bodies, parsed as JSON
 * numbers, are checked against the int64 range as far as a double can tell.
 */
function widenInt64(node: unknown, seen = new Set<object>()): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  const schema = node as Schema;
  if (schema.format === 'int64') {
    if (schema.maximum === Number.MAX_SAFE_INTEGER) schema.maximum = 2 ** 63;
    if (schema.minimum === Number.MIN_SAFE_INTEGER) schema.minimum = -(2 ** 63);
  }
  for (const value of Object.values(node)) widenInt64(value, seen);
}

/**
 * Marks the object schemas of responses that do not say otherwise as closed (`additionalProperties:
 * false`), so that generated (dynamic) data holds only the properties the spec declares: Prism's data
 * generator otherwise invents extra ones, and its option to stop that is not part of its library's
 * interface. Responses are not validated against these schemas, so nothing else changes.
 */
function closeResponseObjects(node: unknown, seen = new Set<object>()): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  const schema = node as Schema;
  if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  for (const value of Object.values(node)) closeResponseObjects(value, seen);
}

/** Builds the model of one of Prism's parsed operations (see widenInt64 and closeResponseObjects). */
export function modelOperation(operation: IHttpOperation): OperationModel {
  widenInt64(operation.request);
  for (const response of operation.responses) for (const content of response.contents ?? []) closeResponseObjects(content.schema);
  const request = operation.request ?? {};
  return {
    prism: operation,
    operationId: operation.iid ?? operation.id,
    method: operation.method.toLowerCase(),
    pathTemplate: operation.path,
    credentials: credentialHeaders(operation),
    parameters: [
      ...(request.path ?? []).map((p) => parameterModel(p, 'path')),
      ...(request.query ?? []).map((p) => parameterModel(p, 'query')),
      ...(request.headers ?? []).map((p) => parameterModel(p, 'header')),
    ],
    bodies: (request.body?.contents ?? []).map((c) => ({ mediaType: c.mediaType.toLowerCase(), schema: (c.schema ?? {}) as Schema })),
    responses: operation.responses.map((response) => ({
      code: response.code,
      contents: (response.contents ?? []).map((c) => ({
        mediaType: c.mediaType,
        file: isFileSchema(c.schema as Schema | undefined),
        examples: (c.examples ?? []).map((e) => e.key),
      })),
    })),
  };
}

/** Whether any answer of the operation is a file. */
export function hasFileResponses(operation: OperationModel): boolean {
  return operation.responses.some((r) => r.contents.some((c) => c.file));
}
