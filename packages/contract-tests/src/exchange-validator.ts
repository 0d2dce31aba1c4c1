// Checks one exchange (a fixture, or a call the client just made) against its operation in the spec:
// the request against the parameters, security and body schema; the response against the response
// declared for its status. Every mismatch carries a JSON pointer into the fixture's JSON.
import type { FixtureRequest, FixtureResponse } from './fixtures.js';
import type { Header, MediaType, RequestBody, Response } from './openapi-types.js';
import { parseParameter } from './parameter-values.js';
import { type Mismatch, validateValue } from './schema-validator.js';
import { deref, type SpecOperation, spec } from './spec-under-test.js';
import { escapePointer } from './wire-names.js';

/** A request and the response it got, in the fixture format. */
export interface Exchange {
  request: FixtureRequest;
  response: FixtureResponse;
}

/** `application/json; charset=utf-8` -> `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

/** The path parameters of a concrete path, or undefined when the path does not fit the template. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{([^}]+)\\\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
}

/** Header names of the security schemes the operation accepts (X-Auth-Token, Authorization). */
function credentialHeaders(op: SpecOperation): string[] {
  const requirements = op.operation.security ?? spec.security ?? [];
  return requirements.flatMap((requirement) =>
    Object.keys(requirement).flatMap((name) => {
      const scheme = spec.components.securitySchemes?.[name];
      return scheme?.in === 'header' && scheme.name ? [scheme.name.toLowerCase()] : [];
    }),
  );
}

function checkParameters(op: SpecOperation, request: FixtureRequest): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const pathValues = matchPath(op.path, request.path);
  if (!pathValues) return [{ pointer: '/request/path', message: `does not fit the operation's path ${op.path}` }];
  const headers = lowerCaseKeys(request.headers);
  for (const parameter of op.parameters) {
    if (parameter.in === 'cookie') continue;
    const schema = parameter.schema ?? {};
    const [raw, pointer] =
      parameter.in === 'path'
        ? [pathValues[parameter.name], '/request/path']
        : parameter.in === 'query'
          ? [request.query[parameter.name], `/request/query/${escapePointer(parameter.name)}`]
          : [headers[parameter.name.toLowerCase()], `/request/headers/${escapePointer(parameter.name.toLowerCase())}`];
    if (raw === undefined) {
      if (parameter.required) mismatches.push({ pointer, message: `${parameter.in} parameter ${parameter.name} is required but missing` });
      continue;
    }
    const found = validateValue(schema, parseParameter(parameter, raw), pointer);
    const named = parameter.in === 'path' ? found.map((m) => ({ ...m, message: `path parameter ${parameter.name}: ${m.message}` })) : found;
    mismatches.push(...named);
  }
  const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  for (const name of Object.keys(request.query)) {
    if (!known.has(name))
      mismatches.push({ pointer: `/request/query/${escapePointer(name)}`, message: 'is not a query parameter of this operation' });
  }
  return mismatches;
}

function lowerCaseKeys(record: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
}

function checkBody(
  content: Record<string, MediaType> | undefined,
  headers: Record<string, string>,
  body: unknown,
  pointer: string,
): Mismatch[] {
  if (body === undefined) return [];
  const declared = Object.keys(content ?? {});
  if (!declared.length) return [{ pointer, message: 'there is a body, but the spec declares none here' }];
  const mediaType = mediaTypeOf(headers['content-type']);
  const media = mediaType ? content?.[mediaType] : undefined;
  const headerPointer = `${pointer.slice(0, pointer.lastIndexOf('/'))}/headers/content-type`;
  if (!mediaType) return [{ pointer: headerPointer, message: `is missing; the spec declares ${declared.join(', ')}` }];
  if (!media) return [{ pointer: headerPointer, message: `${mediaType} is not declared here (the spec declares ${declared.join(', ')})` }];
  return media.schema ? validateValue(media.schema, body, pointer) : [];
}

/**
 * Every way a request departs from the operation's spec. `status` is the status it got: a request
 * answered 401 need not carry credentials.
 */
export function checkRequest(op: SpecOperation, request: FixtureRequest, status: number): Mismatch[] {
  const mismatches: Mismatch[] = [];
  if (request.method.toUpperCase() !== op.method) {
    mismatches.push({ pointer: '/request/method', message: `is ${request.method}; the spec says ${op.method}` });
  }
  mismatches.push(...checkParameters(op, request));
  const headers = lowerCaseKeys(request.headers);
  // A 401 exchange shows a request without valid credentials; every other one must carry some.
  const schemes = credentialHeaders(op);
  if (status !== 401 && schemes.length && !schemes.some((name) => headers[name] !== undefined)) {
    mismatches.push({ pointer: '/request/headers', message: `carries no credentials (one of ${schemes.join(', ')})` });
  }
  const requestBody = op.operation.requestBody ? deref<RequestBody>(op.operation.requestBody) : undefined;
  if (requestBody?.required && request.body === undefined) {
    mismatches.push({ pointer: '/request/body', message: 'the spec requires a request body, there is none' });
  }
  mismatches.push(...checkBody(requestBody?.content, headers, request.body, '/request/body'));
  return mismatches;
}

function checkResponse(op: SpecOperation, response: FixtureResponse): Mismatch[] {
  const declared = op.operation.responses[String(response.status)] ?? op.operation.responses.default;
  if (!declared) return [{ pointer: '/response/status', message: `${response.status} is not a declared response` }];
  const resolved = deref<Response>(declared);
  const headers = lowerCaseKeys(response.headers);
  const mismatches: Mismatch[] = [];
  for (const [name, header] of Object.entries(resolved.headers ?? {})) {
    const spec = deref<Header>(header);
    const pointer = `/response/headers/${escapePointer(name.toLowerCase())}`;
    const value = headers[name.toLowerCase()];
    if (value === undefined) {
      if (spec.required) mismatches.push({ pointer, message: `response header ${name} is required but missing` });
    } else if (spec.schema) {
      mismatches.push(...validateValue(spec.schema, value, pointer));
    }
  }
  mismatches.push(...checkBody(resolved.content, headers, response.body, '/response/body'));
  return mismatches;
}

/** Every way the exchange departs from the operation's spec; empty when it agrees. */
export function checkExchange(op: SpecOperation, exchange: Exchange): Mismatch[] {
  return [...checkRequest(op, exchange.request, exchange.response.status), ...checkResponse(op, exchange.response)];
}
