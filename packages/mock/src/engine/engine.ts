// The mock's one engine, behind both front doors (the HTTP server and the MSW handlers). A request
// goes through, in order: CORS preflight, `GET /`, routing, credentials, `Prefer`, the checks Prism
// misses, Prism's validation of the one routed operation, the responder hook, the stateful sandbox's hook,
// and finally the answer Prism picked (an example, or generated data) in OSM's wire format.
import { corsHeaders, preflightHeaders } from './cors.js';
import { type FormPart, formFields, formForPrism } from './form.js';
import { indexBody } from './index-page.js';
import { readMultipart } from './multipart.js';
import { MAX_NESTING, nestsDeeperThan } from './nesting.js';
import { hasFileResponses, modelOperation, type OperationModel, type Schema } from './operation-model.js';
import { badRequestBody, fromPrism, mockFailureBody, noSuchApiBody, unauthorizedBody, type Violation, withoutInternals } from './osm-errors.js';
import { parsePrefer } from './prefer.js';
import { createPrism, type PrismResult, prismOperations } from './prism.js';
import { checkedHere, parameterViolations, textPartsForFiles, unknownBodyFields } from './request-checks.js';
import { decode, headerBytes, isJson, mediaTypeOf, readQuery, withoutDotSegments } from './read-request.js';
import { Router } from './router.js';
import { sampleFile } from './sample-files.js';
import { type Selection, selectResponse } from './select-response.js';
import type { FileAnswer, MockRequest, MockResponse, Responder, StoreHook, ValidatedRequest } from './types.js';

/** Requests with a larger body are refused (413), as Prism's CLI did. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Why a body over {@link MAX_BODY_BYTES} is refused. */
export const BODY_TOO_LARGE: Violation = { where: 'body', rule: `must NOT be larger than ${MAX_BODY_BYTES} bytes (10 MiB)` };
/** Requests with larger headers (URL included) are refused (431), as Node's HTTP server does by default. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** Why headers over {@link MAX_HEADER_BYTES} are refused. */
export const HEADERS_TOO_LARGE: Violation = { where: 'request headers', rule: 'must NOT be larger than 16 KB together with the URL' };

/** Options of {@link createEngine}. */
export interface EngineOptions {
  /** The OpenAPI 3.0 document to serve (a parsed object; `$ref`s are resolved by Prism). */
  document: object;
  /** Answer with data generated from the schemas instead of the named examples. */
  dynamic?: boolean;
  /** Seed of `dynamic` data. */
  seed?: string;
  /** Refuse query parameters and body fields the spec does not name. */
  strict?: boolean;
  /** The docs `GET /` points to. Default: the published docs. */
  docsUrl?: string;
  /** Consulted after validation, before an example is picked (see {@link Responder}). */
  responder?: Responder;
  /** The stateful sandbox, asked after the responder (see {@link StoreHook}). */
  store?: StoreHook;
}

/** A ready engine. */
export interface Engine {
  /** How many operations the spec has. */
  readonly operations: number;
  /** Answers one request. Never rejects: a failure of the mock itself is a 500 `OSM.0004`. */
  handle(request: MockRequest): Promise<MockResponse>;
}

const textEncoder = new TextEncoder();
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** An answer with a JSON body and the CORS headers. */
function json(status: number, body: unknown, cors: Record<string, string>, extra: Record<string, string> = {}): MockResponse {
  return { status, headers: { ...cors, ...extra, 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

const refuse = (status: number, violations: Violation[], cors: Record<string, string>, extra?: Record<string, string>) => json(status, badRequestBody(violations), cors, extra);

/** Parses the OpenAPI document and builds an engine for it. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const operations = (await prismOperations(options.document)).map(modelOperation);
  const router = new Router<OperationModel>();
  for (const operation of operations) router.add(operation.method, operation.pathTemplate, operation);
  const prism = createPrism();
  const info = (options.document as { info?: { title?: string; version?: string } }).info ?? {};
  const index = indexBody(info.title ?? '', info.version ?? '', operations, options.docsUrl);

  async function answer(request: MockRequest): Promise<MockResponse> {
    const headers = request.headers;
    const method = request.method.toUpperCase();
    const cors = corsHeaders(headers.origin);
    if (headerBytes(request) > MAX_HEADER_BYTES) return refuse(431, [HEADERS_TOO_LARGE], cors);
    const [rawPath = '/', search = ''] = request.url.split('#')[0]!.split(/\?(.*)/s);
    const path = withoutDotSegments(rawPath);

    if (method === 'OPTIONS' && headers.origin && headers['access-control-request-method']) {
      return { status: 204, headers: { ...cors, ...preflightHeaders(headers['access-control-request-method'], headers['access-control-request-headers']), 'content-length': '0' } };
    }
    if (path === '/' && (method === 'GET' || method === 'HEAD')) return json(200, index, cors);
    const verb = method === 'HEAD' && !router.methods(path).includes('head') ? 'get' : method.toLowerCase();
    const route = router.find(verb, path);
    if (!route) return json(404, noSuchApiBody(method, path), cors);
    const operation = route.operation;

    // Credentials first: OSM answers 401 before looking at anything else.
    if (operation.credentials.length) {
      const sent = operation.credentials.filter((c) => headers[c.name.toLowerCase()]);
      if (!sent.length) return json(401, unauthorizedBody(), cors);
      const tooLong = sent.flatMap((c) => {
        const length = headers[c.name.toLowerCase()]!.length;
        const where = `header parameter ${c.name}`;
        if (length > c.max) return [{ where, rule: `must NOT have more than ${c.max} characters` }];
        return length < c.min ? [{ where, rule: `must NOT have fewer than ${c.min} characters` }] : [];
      });
      if (tooLong.length) return refuse(400, tooLong, cors);
    }

    const body = request.body;
    if (body && body.byteLength > MAX_BODY_BYTES) return refuse(413, [BODY_TOO_LARGE], cors);
    const encoding = headers['content-encoding']?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') return refuse(415, [{ where: 'header parameter Content-Encoding', rule: `must be identity: the API takes uncompressed bodies, got ${encoding}` }], cors);

    const prefer = parsePrefer(headers.prefer);
    if (prefer.invalid.length) return refuse(400, prefer.invalid.map((rule) => ({ where: 'header parameter Prefer', rule })), cors);
    const selection = selectResponse(operation, prefer, headers.accept);
    if ('problem' in selection) return refuse(400, [{ where: 'header parameter Prefer', rule: selection.problem }], cors);

    const violations: Violation[] = [];
    const pathParams: Record<string, string> = {};
    for (const [name, raw] of Object.entries(route.rawParams)) {
      const value = decode(raw);
      if (value === undefined) violations.push({ where: `path parameter ${name}`, rule: 'must be valid percent-encoding (UTF-8)' });
      else pathParams[name] = value;
    }
    // Prism decodes the path itself, and throws on a malformed escape: stop here.
    if (violations.length) return refuse(400, violations, cors);
    const query = readQuery(search);
    violations.push(...query.violations);
    const known = new Set<string>();
    for (const parameter of operation.parameters) {
      const values =
        parameter.in === 'path' ? (pathParams[parameter.name] === undefined ? [] : [pathParams[parameter.name]!])
        : parameter.in === 'query' ? (query.values.get(parameter.name) ?? [])
        : headers[parameter.name.toLowerCase()] === undefined ? [] : [headers[parameter.name.toLowerCase()]!];
      if (parameter.in === 'query') known.add(parameter.name);
      if (values.length) violations.push(...parameterViolations(parameter, values));
    }
    if (options.strict) {
      for (const name of query.values.keys()) if (!known.has(name)) violations.push({ where: `query parameter ${name}`, rule: 'is not a parameter of this operation (strict mode)' });
    }

    const contentType = mediaTypeOf(headers['content-type']);
    const bodySchema = operation.bodies.find((b) => b.mediaType === contentType)?.schema;
    const read = body && body.byteLength > 0 ? await readBody(body, headers['content-type'], bodySchema, options.strict ?? false) : { violations: [] };
    if ('refusal' in read) return refuse(400, [read.refusal, ...violations], cors);
    violations.push(...read.violations);

    // Query values as Prism reads them: a repeated key of an array parameter becomes one comma list.
    const prismQuery: Record<string, string | string[]> = {};
    const comma = new Set(operation.parameters.filter((p) => p.in === 'query' && p.commaList).map((p) => p.name));
    for (const [name, values] of query.values) prismQuery[name] = comma.has(name) ? values.join(',') : values.length === 1 ? values[0]! : values;
    const prismHeaders: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) prismHeaders[name] = value;
    // Prism checks the content type only of a body whose Content-Length it sees; fetch's requests (the MSW door) carry none.
    if (body?.byteLength) prismHeaders['content-length'] = String(body.byteLength);
    const forPrism = read.form ? formForPrism(read.form) : undefined;

    const result = await prism(
      operation.prism,
      { method: verb, path, query: prismQuery, headers: forPrism ? { ...prismHeaders, 'content-type': forPrism.contentType } : prismHeaders, body: forPrism ? forPrism.body : read.value },
      { code: selection.status, mediaType: selection.content?.mediaType, example: selection.example, dynamic: prefer.dynamic ?? options.dynamic ?? false, seed: prefer.seed ?? options.seed },
    );
    if (!result.ok) {
      if (result.status >= 500) return json(500, mockFailureBody(result.detail), cors);
      return refuse(400, [...violations, { where: 'request', rule: withoutInternals(result.detail) }], cors);
    }
    // Parameters checked here in full are not reported twice (and Prism misjudges their numbers).
    const checked = new Set(operation.parameters.filter(checkedHere).map((p) => `${p.in}:${p.name.toLowerCase()}`));
    const diagnostics = result.diagnostics.filter((d) => d.severity === 0 && !checked.has(`${d.path?.[0]}:${String(d.path?.[1]).toLowerCase()}`));
    violations.push(...diagnostics.map(fromPrism));
    if (violations.length) {
      const reported = diagnostics.map((d) => ({ location: ['request', ...(d.path ?? [])], message: d.message }));
      return refuse(400, violations, cors, reported.length ? { 'sl-violations': JSON.stringify(reported).slice(0, 8000) } : {});
    }

    if (options.responder || options.store) {
      const validated: ValidatedRequest = {
        operationId: operation.operationId,
        method: verb,
        pathTemplate: operation.pathTemplate,
        path: pathParams,
        query: Object.fromEntries([...query.values].map(([name, values]) => [name, comma.has(name) ? values.flatMap((v) => v.split(',')) : values.length === 1 ? values[0]! : values])),
        headers: prismHeaders,
        body: read.form ? formFields(read.form) : read.value,
        prefer: { code: prefer.code, example: prefer.example },
      };
      const custom = await options.responder?.(validated);
      if (custom) return json(custom.status, custom.body, cors, custom.headers);
      const stored = await options.store?.(validated, read.form);
      if (stored) return 'file' in stored ? fileResponse(stored.file, cors, method === 'HEAD') : json(stored.status ?? 200, stored.json, cors);
    }
    return toResponse(operation, selection, result, cors, method === 'HEAD');
  }

  return {
    operations: operations.length,
    async handle(request) {
      try {
        return await answer(request);
      } catch (error) {
        return json(500, mockFailureBody((error as Error).message ?? String(error)), corsHeaders(request.headers.origin));
      }
    },
  };
}

/** A body as read: its value (parsed JSON, or text), the form of a multipart body, and its problems. */
type ReadBody = { value?: unknown; form?: FormPart[]; violations: Violation[] } | { refusal: Violation };

/** Reads a body by its media type: JSON (bounded in depth), a multipart form (parsed once), or text. */
async function readBody(body: Uint8Array, contentTypeHeader: string | undefined, schema: Schema | undefined, strict: boolean): Promise<ReadBody> {
  const contentType = mediaTypeOf(contentTypeHeader);
  if (contentType === 'multipart/form-data') {
    const form = await readMultipart(body, contentTypeHeader ?? '');
    if (!form) return { refusal: { where: 'body', rule: 'must be well-formed multipart/form-data' } };
    const violations = schema ? [...textPartsForFiles(schema, form), ...(strict ? unknownBodyFields(schema, formFields(form)) : [])] : [];
    return { form, violations };
  }
  const text = utf8.decode(body);
  if (!isJson(contentType)) return { value: text, violations: [] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { refusal: { where: 'body', rule: 'must be well-formed JSON' } };
  }
  if (nestsDeeperThan(value, MAX_NESTING)) return { refusal: { where: 'body', rule: `must NOT nest objects and arrays more than ${MAX_NESTING} deep` } };
  const violations: Violation[] = [];
  // Prism's validator takes a JSON null for no body at all; OSM refuses it like any other value that is not an object.
  const types = [schema?.type ?? []].flat();
  if (value === null && types.length && !types.includes('null') && !schema?.nullable) violations.push({ where: 'body', rule: `must be ${types.join(',')}` });
  if (strict && schema) violations.push(...unknownBodyFields(schema, value));
  return { value, violations };
}

/** A file answer of the stateful sandbox. */
function fileResponse(file: FileAnswer, cors: Record<string, string>, head: boolean): MockResponse {
  const headers = { ...cors, 'content-type': file.mediaType, 'content-disposition': file.disposition, 'content-length': String(file.bytes.byteLength) };
  return { status: 200, headers, body: head ? undefined : file.bytes };
}

/** Prism's answer in the wire format: JSON serialized, files as real files, headers in lower case. */
function toResponse(operation: OperationModel, selection: Selection, result: Extract<PrismResult, { ok: true }>, cors: Record<string, string>, head: boolean): MockResponse {
  const headers: Record<string, string> = { ...cors };
  for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = String(value);
  const mediaType = selection.content?.mediaType;
  if (mediaType) headers['content-type'] = mediaType;
  let body: string | Uint8Array | undefined;
  if (selection.content?.file) {
    const file = sampleFile(mediaType!);
    headers['content-disposition'] = file.disposition;
    body = file.bytes;
  } else {
    // A download's declared Content-Disposition does not belong on its JSON answers.
    if (hasFileResponses(operation)) delete headers['content-disposition'];
    if (result.body === undefined || result.body === null) body = undefined;
    else if (typeof result.body === 'string' && !isJson(mediaTypeOf(mediaType))) body = result.body;
    else body = JSON.stringify(result.body);
  }
  const bytes = body === undefined ? 0 : typeof body === 'string' ? textEncoder.encode(body).byteLength : body.byteLength;
  headers['content-length'] = String(bytes);
  return { status: selection.status, headers, body: head ? undefined : body };
}
