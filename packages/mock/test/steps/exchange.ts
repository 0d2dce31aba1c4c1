// Builds the steps' inputs from this folder's fixture spec: an arrival for any request, and the exchange
// the router makes of it, so each step can be tested on its own.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { corsHeaders } from '../../src/engine/cors.js';
import { modelOperation, type OperationModel } from '../../src/engine/operation-model.js';
import type { Arrival, Exchange } from '../../src/engine/pipeline.js';
import { prismOperations } from '../../src/engine/prism-operations.js';
import { withoutDotSegments } from '../../src/engine/read-request.js';
import { Router } from '../../src/engine/router.js';
import { routeRequest } from '../../src/engine/steps/route.js';
import type { MockRequest, MockResponse } from '../../src/engine/types.js';

/** The fixture spec, parsed. */
export const fixtureDocument = (): object => parse(readFileSync(new URL('./fixture.yaml', import.meta.url), 'utf8')) as object;

const operations = (await prismOperations(fixtureDocument())).map(modelOperation);

/** A router over the fixture's operations. */
export function fixtureRouter(): Router<() => OperationModel> {
  const router = new Router<() => OperationModel>();
  for (const operation of operations) router.add(operation.method, operation.pathTemplate, () => operation);
  return router;
}

/** A request with the fixture's token unless `headers` says otherwise. */
export function request(
  method: string,
  url: string,
  headers: Record<string, string | undefined> = {},
  body?: Uint8Array | string,
): MockRequest {
  return {
    method,
    url,
    headers: { 'x-gauge-token': 'abcd', ...headers },
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  };
}

/** What the steps before routing see. */
export function arrival(req: MockRequest): Arrival {
  const [path = '/', search = ''] = req.url.split('?');
  return { request: req, method: req.method.toUpperCase(), path: withoutDotSegments(path), search, cors: corsHeaders(req.headers.origin) };
}

/** The exchange the router makes of a request (the test fails if it is not routed). */
export function exchange(req: MockRequest): Exchange {
  const routed = routeRequest(fixtureRouter(), arrival(req));
  if (!('operation' in routed)) throw new Error(`not routed: ${req.method} ${req.url}`);
  return routed;
}

/** The parsed JSON body of an answer. */
export function bodyOf(answer: MockResponse | undefined): { error_code?: string; error_msg?: string } & Record<string, unknown> {
  if (!answer || typeof answer.body !== 'string') throw new Error('expected a JSON answer');
  return JSON.parse(answer.body) as never;
}
