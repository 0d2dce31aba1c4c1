// What the front server needs to know about the served spec, read once at start: which operation a
// request is for, which of its responses are files, which media type holds each named example, and the
// length rules of credential headers (Prism checks only that a security scheme's header is present).
import { parse } from 'yaml';

/** A header whose length the spec limits, checked by the front server. */
export interface HeaderLengthRule {
  /** Header name as the spec writes it, e.g. `X-Auth-Token`. */
  name: string;
  min: number;
  max: number;
}

/** One operation of the served spec. */
export interface MockedOperation {
  operationId: string;
  /** Media types of its responses whose body is a file (`type: string, format: binary`). */
  fileMediaTypes: ReadonlySet<string>;
  /** Credential headers this operation accepts, with their length rules. */
  headerRules: readonly HeaderLengthRule[];
  /** The media type that holds example `name` in the response with status `status` (or the first 2xx). */
  exampleMediaType(name: string, status?: string): string | undefined;
}

/** The served spec, as the front server sees it. */
export interface SpecModel {
  /** How many operations the spec has. */
  operationCount: number;
  /** The operation a request is for; a literal path segment wins over a `{parameter}`. */
  findOperation(method: string, path: string): MockedOperation | undefined;
}

interface MediaTypeObject {
  schema?: { $ref?: string; type?: string; format?: string };
  examples?: Record<string, unknown>;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaTypeObject>;
}
interface OperationObject {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses?: Record<string, ResponseObject>;
}
interface SecuritySchemeObject {
  type?: string;
  in?: string;
  name?: string;
  'x-minLength'?: number;
  'x-maxLength'?: number;
}
interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  components?: {
    responses?: Record<string, ResponseObject>;
    schemas?: Record<string, { type?: string; format?: string }>;
    securitySchemes?: Record<string, SecuritySchemeObject>;
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Parses an OpenAPI document, JSON or YAML (told apart by the file name). */
export function parseSpecDocument(text: string, fileName: string): OpenApiDocument {
  return (fileName.endsWith('.json') ? JSON.parse(text) : parse(text)) as OpenApiDocument;
}

/** The last part of a local `$ref`, which names the component. */
function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1);
}

/**
 * A security scheme's header length rule. OpenAPI has no length keyword for security schemes, so the
 * spec states it with the extensions `x-minLength` / `x-maxLength`; a scheme without them gets no rule.
 */
function headerLengthRule(scheme: SecuritySchemeObject): HeaderLengthRule | undefined {
  if (scheme.type !== 'apiKey' || scheme.in !== 'header' || !scheme.name) return undefined;
  const min = scheme['x-minLength'];
  const max = scheme['x-maxLength'];
  if (typeof min !== 'number' && typeof max !== 'number') return undefined;
  return { name: scheme.name, min: min ?? 0, max: max ?? Number.POSITIVE_INFINITY };
}

function describeOperation(doc: OpenApiDocument, operation: OperationObject, headerRules: Map<string, HeaderLengthRule>): MockedOperation {
  const responses = new Map<string, Record<string, MediaTypeObject>>();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const resolved = response.$ref ? doc.components?.responses?.[refName(response.$ref)] : response;
    responses.set(status, resolved?.content ?? {});
  }
  const isFile = (media: MediaTypeObject) => {
    const schema = media.schema?.$ref ? doc.components?.schemas?.[refName(media.schema.$ref)] : media.schema;
    return schema?.type === 'string' && schema.format === 'binary';
  };
  const fileMediaTypes = new Set<string>();
  for (const content of responses.values()) {
    for (const [mediaType, media] of Object.entries(content)) if (isFile(media)) fileMediaTypes.add(mediaType);
  }
  const firstSuccess = [...responses.keys()].filter((s) => /^2\d\d$/.test(s)).sort()[0];
  const security = operation.security ?? doc.security ?? [];
  const schemeNames = new Set(security.flatMap((requirement) => Object.keys(requirement)));
  return {
    operationId: operation.operationId ?? '',
    fileMediaTypes,
    headerRules: [...schemeNames].flatMap((name) => headerRules.get(name) ?? []),
    exampleMediaType(name, status = firstSuccess) {
      const content = status === undefined ? undefined : responses.get(status);
      return Object.entries(content ?? {}).find(([, media]) => media.examples && name in media.examples)?.[0];
    },
  };
}

interface Route {
  method: string;
  /** Path segments; `undefined` stands for a `{parameter}`. */
  segments: (string | undefined)[];
  literals: number;
  operation: MockedOperation;
}

function matches(route: Route, segments: string[]): boolean {
  return route.segments.length === segments.length && route.segments.every((s, i) => s === undefined ? segments[i] !== '' : s === segments[i]);
}

/** Builds the {@link SpecModel} of an OpenAPI document. */
export function modelSpec(doc: OpenApiDocument): SpecModel {
  const headerRules = new Map<string, HeaderLengthRule>();
  for (const [name, scheme] of Object.entries(doc.components?.securitySchemes ?? {})) {
    const rule = headerLengthRule(scheme);
    if (rule) headerRules.set(name, rule);
  }
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const segments = path.split('/').map((s) => (/^\{[^}]+\}$/.test(s) ? undefined : s));
      routes.push({
        method,
        segments,
        literals: segments.filter((s) => s !== undefined).length,
        operation: describeOperation(doc, operation, headerRules),
      });
    }
  }
  // Most literal segments first, so /cases/export is found before /cases/{case_id}.
  routes.sort((a, b) => b.literals - a.literals);
  return {
    operationCount: routes.length,
    findOperation(method, path) {
      const segments = path.split('/');
      return routes.find((r) => r.method === method.toLowerCase() && matches(r, segments))?.operation;
    },
  };
}
