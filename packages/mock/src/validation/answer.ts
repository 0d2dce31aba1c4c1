// The answer checker: could OSM send this answer to this operation? It reads the operation's responses in
// the OpenAPI document itself (not Prism's converted copy) and checks the status, the content type and
// the body against the response schema with ajv. Self-contained on purpose (a document in, violations
// out), so that anything that must judge an answer - an override's, a proxied one - can use it.
//
// Two readings are stricter than plain JSON Schema, both because a test that passes on an answer OSM
// could not send is the failure this exists to catch:
// - objects are closed: a field a schema does not list (a misspelt one) is a violation, unless the
//   schema says `additionalProperties` itself;
// - `default` stands for the errors the operation does not list (4xx and 5xx, e.g. the API gateway's
//   429), never for a success: a 201 or a 404 to an operation that lists neither is a violation.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Violation } from '../engine/osm-errors.js';

/** The operation an answer is for: any object naming it (the engine's operation model and a validated request both do). */
export interface AnsweredOperation {
  operationId: string;
  /** Lower- or upper-case HTTP method. */
  method: string;
  /** The spec's path template, e.g. `/v2/servicerequest/cases/{case_id}/status`. */
  pathTemplate: string;
}

/**
 * Checks one answer: `status`, its `contentType` (parameters such as `charset` ignored; a missing one is
 * the only one the response lists) and `body` (parsed JSON; bytes or undefined for a file or an empty
 * body). Returns what is wrong, or an empty list.
 */
export type AnswerChecker = (operation: AnsweredOperation, status: number, contentType: string | undefined, body: unknown) => Violation[];

interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
}

interface MediaTypeObject {
  schema?: unknown;
}

interface ResponseObject {
  content?: Record<string, MediaTypeObject>;
}

/** Where the document's components live for ajv; every `#/components/...` reference is rewritten to it. */
const COMPONENTS_ID = 'osm-answer-components';

/**
 * A copy of a schema for ajv: references point at the registered components, object schemas that list
 * properties are closed, and OpenAPI's `example`/`x-*` annotations are left out. Schemas under `not` stay
 * open: closing them would make `not` accept what it exists to refuse.
 */
function prepare(node: unknown, close = true): unknown {
  if (Array.isArray(node)) return node.map((item) => prepare(item, close));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.startsWith('#/') ? `${COMPONENTS_ID}${value}` : value;
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as object).map(([name, schema]) => [name, prepare(schema, close)]));
    else if (key === 'enum' || key === 'required' || key === 'default') out[key] = value;
    else out[key] = prepare(value, key !== 'not' && close);
  }
  if (close && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** Follows `#/...` references inside the document. */
function resolve<T>(document: OpenApiDocument, node: unknown): T | undefined {
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

/** `application/json` of `Application/JSON; charset=utf-8`. */
function bareMediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

const isJsonMediaType = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

/** "body field a.b.2": where an ajv error points, naming the missing or unknown field itself. */
function whereOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required') path.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') path.push(String(error.params.additionalProperty));
  return path.length ? `body field ${path.join('.')}` : 'body';
}

/** An ajv error in the words of the mock's other messages. */
function ruleOf(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'additionalProperties') return 'is not a field of this answer in the spec';
  if (error.keyword === 'enum') {
    const allowed = (error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value));
    return `must be one of ${allowed.length > 10 ? `${allowed.slice(0, 10).join(', ')}, ... (${allowed.length} values)` : allowed.join(', ')}`;
  }
  return error.message ?? 'is invalid';
}

/**
 * The violations of ajv's errors, one a field and rule. A nested choice (`anyOf`, e.g. an error code that
 * is one of the catalogue's or a gateway code) fails once per branch and once for itself: its branches'
 * rules at the same place are said together, as "must be one of ... or must match pattern ...".
 */
function violationsOf(errors: readonly ErrorObject[] | null | undefined): Violation[] {
  const all = errors ?? [];
  const isChoice = (error: ErrorObject) => error.keyword === 'anyOf' || error.keyword === 'oneOf';
  const choicePlaces = new Set(all.filter(isChoice).map((error) => error.instancePath));
  const violations: Violation[] = [];
  const merged = new Map<string, Violation>();
  for (const error of all) {
    const place = error.instancePath;
    const aboutTheValue = error.keyword !== 'required' && error.keyword !== 'additionalProperties';
    if (choicePlaces.has(place) && !isChoice(error) && aboutTheValue) {
      const rule = ruleOf(error);
      const known = merged.get(place);
      if (!known) {
        const violation = { where: whereOf(error), rule };
        merged.set(place, violation);
        violations.push(violation);
      } else if (!known.rule.split(' or ').includes(rule)) known.rule = `${known.rule} or ${rule}`;
      continue;
    }
    // ajv reports a choice after its branches: said already when they failed at its place.
    if (isChoice(error) && merged.has(place)) continue;
    const violation = { where: whereOf(error), rule: ruleOf(error) };
    if (!violations.some((known) => known.where === violation.where && known.rule === violation.rule)) violations.push(violation);
  }
  return violations;
}

/** A body check: the violations of a value against one response schema. */
type BodyCheck = (body: unknown) => Violation[];

/**
 * Compiles one response schema. A schema that is a choice (`anyOf`/`oneOf`, as OSM's "the result, or a
 * business error" bodies are) is compiled branch by branch, so that an invalid body is explained by the
 * branch it came nearest to (fewest violations) rather than by every branch at once.
 */
function compileBody(ajv: Ajv, schema: unknown): BodyCheck {
  const prepared = prepare(schema) as { anyOf?: unknown[]; oneOf?: unknown[] };
  const branches = prepared.anyOf ?? prepared.oneOf;
  if (!branches || Object.keys(prepared).some((key) => !['anyOf', 'oneOf', 'description', 'title'].includes(key))) {
    const whole = ajv.compile(prepared);
    return (body) => (whole(body) ? [] : violationsOf(whole.errors));
  }
  const each: ValidateFunction[] = branches.map((branch) => ajv.compile(branch as object));
  const oneOf = prepared.oneOf !== undefined;
  return (body) => {
    const explained = each.map((validate) => (validate(body) ? [] : violationsOf(validate.errors)));
    const matched = explained.filter((violations) => !violations.length).length;
    if (oneOf ? matched === 1 : matched > 0) return [];
    if (matched > 1) return [{ where: 'body', rule: `must match exactly one schema of oneOf, matches ${matched}` }];
    return explained.sort((a, b) => a.length - b.length)[0] ?? [];
  };
}

/**
 * Makes the answer checker of an OpenAPI 3.0 document. Nothing is compiled until an answer is checked;
 * each response schema is compiled once, on its first check (a few milliseconds each).
 */
export function createAnswerChecker(document: object): AnswerChecker {
  const spec = document as OpenApiDocument;
  let ajv: Ajv | undefined;
  const compiled = new Map<string, BodyCheck>();

  function ajvOnce(): Ajv {
    if (ajv) return ajv;
    // allErrors: a test author fixing an answer wants every wrong field at once, not one per run.
    // inlineRefs off: a schema many responses share (OsmErrorBody, IncidentInfoV2) is compiled once and
    // reused by each, instead of its code being generated again inside every response that refers to it.
    ajv = new Ajv({ strict: false, allErrors: true, logger: false, inlineRefs: false });
    addFormats.default(ajv);
    ajv.addSchema({ $id: COMPONENTS_ID, components: prepare(spec.components ?? {}) as object });
    return ajv;
  }

  function bodyCheck(key: string, schema: unknown): BodyCheck {
    let check = compiled.get(key);
    if (!check) {
      check = compileBody(ajvOnce(), schema);
      compiled.set(key, check);
    }
    return check;
  }

  return (operation, status, contentType, body) => {
    const name = `${operation.operationId} (${operation.method.toUpperCase()} ${operation.pathTemplate})`;
    const definition = resolve<{ responses?: Record<string, unknown> }>(spec, spec.paths?.[operation.pathTemplate]?.[operation.method.toLowerCase()]);
    if (!definition) return [{ where: 'operation', rule: `${name} is not in the spec` }];
    const responses = definition.responses ?? {};
    const code = String(status);
    const listed = Object.keys(responses).filter((key) => key !== 'default');
    const errorStatus = Number.isInteger(status) && status >= 400 && status <= 599;
    const responseKey = Object.hasOwn(responses, code) ? code : errorStatus && Object.hasOwn(responses, 'default') ? 'default' : undefined;
    if (!responseKey) {
      const others = Object.hasOwn(responses, 'default') ? ', and any other 4xx or 5xx error' : '';
      return [{ where: 'status', rule: `${status} is not an answer of ${name}: the spec lists ${listed.join(', ')}${others}` }];
    }
    const response = resolve<ResponseObject>(spec, responses[responseKey]) ?? {};
    const media = Object.keys(response.content ?? {});
    if (!media.length) {
      const empty = body === undefined || (body instanceof Uint8Array && body.byteLength === 0) || body === '';
      return empty ? [] : [{ where: 'body', rule: `must be empty: the spec gives ${name}'s ${status} answer no body` }];
    }
    const mediaType = contentType === undefined ? (media.length === 1 ? media[0]! : undefined) : media.find((listedType) => listedType.toLowerCase() === bareMediaType(contentType));
    if (!mediaType) {
      return [{ where: 'content type', rule: `${contentType ?? 'none'} is not one of ${name}'s ${status} answer: the spec lists ${media.join(', ')}` }];
    }
    const schema = response.content![mediaType]!.schema;
    if (schema === undefined) return [];
    if (!isJsonMediaType(bareMediaType(mediaType))) {
      // A file or other bytes: the schema (`format: binary`) says nothing about the content.
      return body === undefined ? [{ where: 'body', rule: 'is required' }] : [];
    }
    if (body === undefined) return [{ where: 'body', rule: 'is required' }];
    return bodyCheck(`${operation.method.toLowerCase()} ${operation.pathTemplate} ${responseKey} ${mediaType}`, schema)(body);
  };
}

/** Violations as one line, e.g. `body field statuss: is not a field of this answer in the spec`. */
export function describeViolations(violations: readonly Violation[]): string {
  return violations.map((violation) => `${violation.where}: ${violation.rule}`).join('; ');
}
