// Checks an upstream's answer against the operation's responses in the spec: the status listed, the
// content type listed, the body against its schema (a business error - HTTP 200 with `error_code` -
// against `OsmErrorBody`, its code against the catalogue), and the headers the spec declares. Schemas
// are compiled (ajv) on first use and kept.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { withClosedObjects } from './closed-schemas.js';
import { isGatewayCode, knownErrorCodes } from './error-codes.js';
import type { DriftViolation, ViolationKind } from './violations.js';

/** The operation an answer belongs to. */
export interface OperationRef {
  method: string;
  pathTemplate: string;
}

/** An answer as the validator sees it. */
export interface AnswerToCheck {
  status: number;
  /** Names in lower case. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  /**
   * The body: `bytes` read in full; `unread` when it was not kept (a file, or over the size kept for
   * checks); `none` for an answer without one.
   */
  body: { bytes: Uint8Array } | { unread: true } | { none: true };
}

type JsonObject = Record<string, unknown>;
interface MediaType {
  schema?: JsonObject;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
  headers?: Record<string, { $ref?: string; required?: boolean; schema?: JsonObject }>;
}

const KIND_OF_KEYWORD: Record<string, ViolationKind> = {
  additionalProperties: 'unknown-field',
  required: 'missing-required',
  type: 'wrong-type',
  nullable: 'wrong-type',
};

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `/case_list/0/status` -> `case_list[].status` */
export function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (extra !== undefined) parts.push(extra);
  return parts.reduce((path, part) => (/^\d+$/.test(part) ? `${path}[]` : path ? `${path}.${part}` : part), '');
}

/** The media type of a Content-Type value, lower case, without parameters. */
export function mediaTypeOf(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(';')[0]?.trim().toLowerCase() || undefined;
}

const isJsonMediaType = (mediaType: string) => /^application\/([\w.-]+\+)?json$/.test(mediaType);

/** A validator of answers for one spec. */
export class ResponseValidator {
  readonly #document: JsonObject;
  readonly #ajv: Ajv;
  readonly #isKnownCode: (code: string) => boolean;

  /** `document`: the bundled spec (not changed); `errorCodes`: the catalogue (default: the bundled one). */
  constructor(document: object, errorCodes?: readonly string[]) {
    this.#document = withClosedObjects(document);
    this.#ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats.default(this.#ajv);
    this.#ajv.addSchema(this.#document, 'openapi');
    this.#isKnownCode = knownErrorCodes(errorCodes);
  }

  #resolve<T>(node: T & { $ref?: string }): T {
    let current: (T & { $ref?: string }) | undefined = node;
    for (let hops = 0; current?.$ref && hops < 16; hops++) {
      current = current.$ref.slice(2).split('/').reduce<unknown>((object, key) => (object as JsonObject | undefined)?.[key.replaceAll('~1', '/').replaceAll('~0', '~')], this.#document) as T & { $ref?: string };
    }
    return current as T;
  }

  #validator(path: string): ValidateFunction {
    return this.#ajv.getSchema(`openapi#/${path}`)!;
  }

  /** Every violation of `answer` to `operation`. */
  check(operation: OperationRef, answer: AnswerToCheck): DriftViolation[] {
    const item = (this.#document.paths as Record<string, Record<string, { responses?: Record<string, ResponseObject> }>> | undefined)?.[operation.pathTemplate];
    const responses = item?.[operation.method.toLowerCase()]?.responses ?? {};
    const violations: DriftViolation[] = [];
    const code = String(answer.status);
    const range = `${code[0]}XX`;
    const body = this.#parse(answer, violations);
    const errorCode = body.json && typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) ? (body.value as JsonObject).error_code : undefined;

    let key = [code, range, range.toLowerCase()].find((k) => responses[k]);
    if (!key) {
      // `default` in this spec is the gateway's failures (APIGW.*): anything else is a status the spec lacks.
      const gatewayFailure = answer.status >= 400 && isGatewayCode(errorCode);
      if (!gatewayFailure) violations.push({ kind: 'unlisted-status', where: 'response status', rule: `${answer.status} is not a status this operation lists (${Object.keys(responses).join(', ')})`, value: answer.status });
      if (responses.default && (gatewayFailure || typeof errorCode === 'string')) key = 'default';
      else return violations;
    }
    const base = pointer('paths', operation.pathTemplate, operation.method.toLowerCase(), 'responses', key);
    const response = this.#resolve(responses[key]!);
    const responsePointer = responses[key]!.$ref ? responses[key]!.$ref!.slice(2) : base;
    violations.push(...this.#checkHeaders(response, responsePointer, answer.headers));

    const content = response.content ?? {};
    const mediaType = mediaTypeOf(answer.headers['content-type']);
    if ('none' in answer.body && !mediaType) return violations;
    const listed = Object.keys(content).find((m) => m.toLowerCase() === mediaType);
    if (!listed) {
      if (Object.keys(content).length || !('none' in answer.body)) {
        violations.push({ kind: 'unlisted-content-type', where: 'response content type', rule: `${mediaType ?? '(none)'} is not a media type of the ${key} response (${Object.keys(content).join(', ') || 'no body'})`, value: mediaType ?? '(none)' });
      }
      return violations;
    }
    if (!body.json) return violations;
    const schemaPointer = `${responsePointer}/${pointer('content', listed, 'schema')}`;
    violations.push(...this.#checkBody(content[listed]!.schema ?? {}, schemaPointer, body.value, errorCode));
    return violations;
  }

  /** The body parsed when it is JSON and was read; a body that should be JSON and is not is a violation. */
  #parse(answer: AnswerToCheck, violations: DriftViolation[]): { json: true; value: unknown } | { json: false } {
    const mediaType = mediaTypeOf(answer.headers['content-type']);
    if (!('bytes' in answer.body) || !mediaType || !isJsonMediaType(mediaType)) return { json: false };
    try {
      return { json: true, value: JSON.parse(utf8.decode(answer.body.bytes)) };
    } catch {
      violations.push({ kind: 'wrong-type', where: 'response body', rule: 'must be well-formed JSON (UTF-8)' });
      return { json: false };
    }
  }

  #checkBody(schema: JsonObject, schemaPointer: string, value: unknown, errorCode: unknown): DriftViolation[] {
    // A 200 of this spec is a business error or the result (`anyOf: [OsmErrorBody, result]`): which one
    // the body is decides the schema, so that its problems are named rather than "matches no branch".
    const branches = (schema.anyOf as { $ref?: string }[] | undefined) ?? [];
    const errorBranch = branches.findIndex((b) => b.$ref?.endsWith('/OsmErrorBody'));
    let target = schemaPointer;
    let isError = false;
    if (errorBranch >= 0) {
      isError = typeof errorCode === 'string' && errorCode !== '';
      const others = branches.map((_, i) => i).filter((i) => i !== errorBranch);
      target = isError ? branches[errorBranch]!.$ref!.slice(2) : others.length === 1 ? `${schemaPointer}/anyOf/${others[0]}` : schemaPointer;
    } else {
      isError = schema.$ref?.toString().endsWith('/OsmErrorBody') === true;
    }
    const violations: DriftViolation[] = [];
    const validate = this.#validator(target);
    if (!validate(value)) violations.push(...fromAjv(validate.errors ?? [], value, 'response body', isError));
    if (isError && typeof errorCode === 'string' && !this.#isKnownCode(errorCode)) {
      violations.push({ kind: 'unknown-error-code', where: 'response body field error_code', rule: 'is not in the error-code catalogue (nor an APIGW.* code)', value: errorCode });
    }
    return violations;
  }

  #checkHeaders(response: ResponseObject, responsePointer: string, headers: AnswerToCheck['headers']): DriftViolation[] {
    const violations: DriftViolation[] = [];
    for (const [name, declared] of Object.entries(response.headers ?? {})) {
      const header = this.#resolve(declared);
      const sent = headers[name.toLowerCase()];
      const where = `response header ${name}`;
      if (sent === undefined) {
        if (header.required) violations.push({ kind: 'missing-required', where, rule: 'is required' });
        continue;
      }
      if (!header.schema) continue;
      const schemaPointer = declared.$ref ? `${declared.$ref.slice(2)}/schema` : `${responsePointer}/${pointer('headers', name, 'schema')}`;
      const validate = this.#validator(schemaPointer);
      const value = Array.isArray(sent) ? sent.join(', ') : sent;
      if (!validate(value)) violations.push(...fromAjv(validate.errors ?? [], value, where, false));
    }
    return violations;
  }
}

/** The value at an ajv instance path. */
function valueAt(root: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => (node as JsonObject | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')], root);
}

/** ajv's errors as violations, one per kind and place; the error code's own check is the catalogue's. */
function fromAjv(errors: ErrorObject[], root: unknown, where: string, isError: boolean): DriftViolation[] {
  const out = new Map<string, DriftViolation>();
  const places = new Set(errors.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'not').map((e) => e.instancePath));
  // A value of the wrong type is that, not also outside its enum or limits.
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  for (const error of errors) {
    if (isError && error.instancePath === '/error_code') continue;
    if (mistyped.has(error.instancePath) && error.keyword !== 'type') continue;
    // A composite's failure is explained by its branches' errors, when they are at the same place.
    if ((error.keyword === 'anyOf' || error.keyword === 'not') && places.has(error.instancePath)) continue;
    const params = error.params as { additionalProperty?: string; missingProperty?: string };
    const field = params.additionalProperty ?? params.missingProperty;
    const path = fieldPath(error.instancePath, field);
    const violation: DriftViolation = {
      kind: KIND_OF_KEYWORD[error.keyword] ?? (error.keyword === 'anyOf' || error.keyword === 'not' ? 'wrong-type' : 'out-of-range'),
      where: path ? `${where} field ${path}` : where,
      rule: error.keyword === 'additionalProperties' ? 'is not in the spec' : error.keyword === 'required' ? 'is required' : (error.message ?? error.keyword),
    };
    // The value seen there; for a missing field, the object that lacks it.
    violation.value = valueAt(root, field && error.keyword === 'additionalProperties' ? `${error.instancePath}/${field.replaceAll('~', '~0').replaceAll('/', '~1')}` : error.instancePath);
    const key = `${violation.kind} ${violation.where}`;
    if (!out.has(key)) out.set(key, violation);
  }
  return [...out.values()];
}
