// Finding, in the OpenAPI document itself (not Prism's converted copy), what an answer is checked
// against: the operation, the response its status selects, the media type its Content-Type selects.

export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

export interface HeaderObject {
  required?: boolean;
  schema?: unknown;
}

export interface ResponseObject {
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
}

/** The operation an answer is for: any object naming it (the engine's operation model and a validated request both do). */
export interface AnsweredOperation {
  /** Named in messages when given. */
  operationId?: string;
  /** Lower- or upper-case HTTP method. */
  method: string;
  /** The spec's path template, e.g. `/v2/servicerequest/cases/{case_id}/status`. */
  pathTemplate: string;
}

/** `showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status)`, as messages name an operation. */
export function operationName(operation: AnsweredOperation): string {
  const route = `${operation.method.toUpperCase()} ${operation.pathTemplate}`;
  return operation.operationId ? `${operation.operationId} (${route})` : route;
}

/** Follows `#/...` references inside the document (a bounded number of hops: a cycle is not followed forever). */
export function resolve<T>(document: OpenApiDocument, node: unknown): T | undefined {
  let current = node as { $ref?: unknown } | undefined;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops += 1) {
    const ref: string = current.$ref;
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((parent, key) => (parent as Record<string, unknown> | undefined)?.[key], document) as { $ref?: unknown } | undefined;
  }
  return current as T | undefined;
}

/** The operation's responses, or undefined when the spec has no such operation. */
export function responsesOf(document: OpenApiDocument, operation: AnsweredOperation): Record<string, unknown> | undefined {
  const item = resolve<Record<string, unknown>>(document, document.paths?.[operation.pathTemplate]);
  const definition = resolve<{ responses?: Record<string, unknown> }>(document, item?.[operation.method.toLowerCase()]);
  return definition ? (definition.responses ?? {}) : undefined;
}

/** The response key listing `status` itself: `404`, else its range `4XX`; undefined when neither is listed (`default` is the caller's to read). */
export function listedResponseKey(responses: Record<string, unknown>, status: number): string | undefined {
  const code = String(status);
  return [code, `${code[0]}XX`, `${code[0]}xx`].find((key) => Object.hasOwn(responses, key));
}

/** The key of `content` that a bare media type selects (keys compared case-blind), or undefined. */
export function listedMediaType(content: Record<string, unknown>, mediaType: string | undefined): string | undefined {
  return mediaType === undefined ? undefined : Object.keys(content).find((listed) => listed.toLowerCase() === mediaType);
}
