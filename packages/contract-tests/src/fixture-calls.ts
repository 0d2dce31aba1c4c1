// Turns a fixture's request back into a call of the recorder's call-list format (typed params, body,
// extra headers), so that the client can send it again.
import { clientInit } from '@osm-openapi/record-fixtures/record';
import { matchPath } from './exchange-validator.js';
import type { Fixture } from './fixtures.js';
import { parseParameter } from './parameter-values.js';
import type { ReplayCall } from './replay.js';
import { type SpecOperation, spec } from './spec-under-test.js';
import { CREDENTIAL_HEADERS } from './wire-names.js';

/** A call as @osm-openapi/record-fixtures takes it. */
export interface Call {
  operationId: string;
  case: string;
  params: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string>;
  auth?: false;
}

/** The call that sends a fixture's request again; without credentials when the fixture shows a 401. */
export function callFromFixture(op: SpecOperation, fixture: Fixture): Call {
  const { request } = fixture;
  const pathValues = matchPath(op.path, request.path);
  if (!pathValues) throw new Error(`${op.operationId}: ${request.path} does not fit ${op.path}`);
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const params: Call['params'] = {};
  const declaredHeaders = new Set<string>();
  for (const parameter of op.parameters) {
    const raw =
      parameter.in === 'path'
        ? pathValues[parameter.name]
        : parameter.in === 'query'
          ? request.query[parameter.name]
          : parameter.in === 'header'
            ? headers[parameter.name.toLowerCase()]
            : undefined;
    if (parameter.in === 'header') declaredHeaders.add(parameter.name.toLowerCase());
    if (raw === undefined || parameter.in === 'cookie') continue;
    const group = parameter.in as 'path' | 'query' | 'header';
    params[group] = { ...params[group], [parameter.name]: parseParameter(parameter, raw) };
  }
  // The client sets credentials and the body's type itself; anything else (e.g. Prefer) is passed on.
  const extra = Object.entries(headers).filter(
    ([name]) => !CREDENTIAL_HEADERS.has(name) && name !== 'content-type' && !declaredHeaders.has(name),
  );
  return {
    operationId: op.operationId,
    case: fixture.case,
    params,
    ...(request.body === undefined ? {} : { body: request.body }),
    ...(extra.length ? { headers: Object.fromEntries(extra) } : {}),
    ...(fixture.response.status === 401 ? { auth: false as const } : {}),
  };
}

/** The fixture's call as the typed client takes it (see replay.ts); each call builds fresh File parts. */
export function replayCall(op: SpecOperation, fixture: Fixture): ReplayCall {
  const call = callFromFixture(op, fixture);
  return { method: op.method, path: op.path, auth: call.auth !== false, init: clientInit(spec, op.operation, call) as ReplayCall['init'] };
}
