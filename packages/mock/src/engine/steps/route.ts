// Routing: the request's method and path find one operation of the spec, or OSM's 404 `APIGW.0101`. A
// `HEAD` is a `GET` unless the path has a `HEAD` operation of its own. The router holds each operation's
// model as a function that makes it on first use.
import { jsonAnswer } from '../answers.js';
import type { OperationModel } from '../operation-model.js';
import { noSuchApiBody } from '../osm-errors.js';
import type { Arrival, Exchange } from '../pipeline.js';
import type { Router } from '../router.js';
import type { MockResponse } from '../types.js';

/** The exchange of the operation `arrival` is for, or the 404 answer. */
export function routeRequest(router: Router<() => OperationModel>, arrival: Arrival): Exchange | MockResponse {
  const { method, path, cors } = arrival;
  const verb = method === 'HEAD' && !router.methods(path).includes('head') ? 'get' : method.toLowerCase();
  const route = router.find(verb, path);
  if (!route) return jsonAnswer(404, noSuchApiBody(method, path), cors);
  return {
    ...arrival,
    operation: route.operation(),
    verb,
    rawParams: route.rawParams,
    prefer: { invalid: [] },
    pathParams: {},
    query: new Map(),
    body: {},
    violations: [],
    reported: [],
  };
}
