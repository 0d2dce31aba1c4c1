// The mock's one engine, behind both front doors (the HTTP server and the MSW handlers): a pipeline of
// named steps (pipeline.ts, one file per step in steps/). Before routing: the head's size, CORS
// preflights, `GET /`. Routing finds the operation; then, in order: credentials, body limits, `Prefer`,
// faults and latency, decoding, parameter checks, the body, strict mode (when on), Prism's validation, the refusal of an
// invalid request, the responders (the caller's, then the stateful sandbox), and the answer from the spec.
import { jsonAnswer } from './answers.js';
import { corsHeaders } from './cors.js';
import { indexBody } from './index-page.js';
import { checkNetworkOptions, type NetworkOptions } from './network.js';
import { modelOperation, type OperationModel } from './operation-model.js';
import type { OperationSource } from './operation-source.js';
import { operationsOf } from './operations-source.js';
import { mockFailureBody } from './osm-errors.js';
import { type Arrival, type Exchange, runSteps, type Step } from './pipeline.js';
import { withoutDotSegments } from './read-request.js';
import { Router } from './router.js';
import { parseBody } from './steps/body.js';
import { checkBodyLimits } from './steps/body-limits.js';
import { checkCredentials } from './steps/credentials.js';
import { decodeParameters } from './steps/decode.js';
import { answerFromSpec } from './steps/example-answer.js';
import { injectFaults } from './steps/faults.js';
import { refuseLargeHead } from './steps/head-limit.js';
import { answerIndex } from './steps/index-page.js';
import { checkParameters } from './steps/parameters.js';
import { readPreferences } from './steps/prefer.js';
import { answerPreflight } from './steps/preflight.js';
import { checkWithPrism } from './steps/prism-validation.js';
import { refuseInvalid } from './steps/refuse-invalid.js';
import { askResponders } from './steps/responders.js';
import { routeRequest } from './steps/route.js';
import { refuseUnknownFields } from './steps/strict.js';
import type { MockRequest, MockResponse, Responder } from './types.js';

/** Options of {@link createEngine}; `latency` and `faults` (network.ts) draw from `seed`. */
export interface EngineOptions extends NetworkOptions {
  /** The OpenAPI 3.0 document to serve (a parsed object; `$ref`s are resolved by Prism). */
  document: object;
  /** Answer with data generated from the schemas instead of the named examples. */
  dynamic?: boolean;
  /** Seed of `dynamic` data, and of the latency and faults drawn. */
  seed?: string;
  /** Refuse query parameters and body fields the spec does not name. */
  strict?: boolean;
  /** The docs `GET /` points to. Default: the published docs. */
  docsUrl?: string;
  /** Asked in order after validation, before an example is picked (see {@link Responder}). */
  responders?: readonly Responder[];
  /**
   * A mode of the engine other than mocking (the proxy): steps run after Prism's validation instead of
   * the refusal of an invalid request, the responders and the answer from the spec. They see every
   * violation found so far (`exchange.violations`) and must answer.
   */
  finalSteps?: readonly Step<Exchange>[];
}

/** What one call of {@link Engine.handle} adds to the engine's options. */
export interface HandleOptions {
  /** Asked before the engine's own responders (an MSW handler's overrides: they win over the sandbox). */
  responders?: readonly Responder[];
}

/** The operation a request is routed to. */
export interface RoutedOperation {
  operationId: string;
  /** Lower-case. */
  method: string;
  pathTemplate: string;
}

/** A ready engine. */
export interface Engine {
  /** How many operations the spec has. */
  readonly operations: number;
  /** Answers one request. Never rejects: a failure of the mock itself is a 500 `OSM.0004`. */
  handle(request: MockRequest, options?: HandleOptions): Promise<MockResponse>;
  /** The operation `handle` would route a request to (method and URL as in {@link MockRequest}), or undefined; reads no body. */
  route(method: string, url: string): RoutedOperation | undefined;
}

/** The engine's model of an operation, made on the first request routed to it. */
function lazyModel(source: OperationSource): () => OperationModel {
  let model: OperationModel | undefined;
  return () => (model ??= modelOperation(source.load()));
}

/**
 * The path as the WHATWG URL parser reads it - the parser that fetch, Node's http.request, the proxy's
 * forwarder and the AK/SK signer all use: `\\` is `/`, dot segments (`..`, `%2e%2e`) are resolved, and
 * characters a URL may not hold are percent-encoded; the escapes sent are kept as they are. So every
 * step (routing, validation, signing, forwarding) sees the one path any URL made of it would have.
 * A request target that is not a path (`*`, an absolute URL) only loses its dot segments: no route has it.
 */
function parsedPath(rawPath: string): string {
  if (!rawPath.startsWith('/')) return withoutDotSegments(rawPath);
  try {
    return new URL(`http://mock${rawPath}`).pathname;
  } catch {
    return withoutDotSegments(rawPath);
  }
}

/** The request as the steps before routing read it. */
function arrive(request: MockRequest): Arrival {
  const [rawPath = '/', search = ''] = request.url.split('#')[0]!.split(/\?(.*)/s);
  return {
    request,
    method: request.method.toUpperCase(),
    path: parsedPath(rawPath),
    search,
    cors: corsHeaders(request.headers.origin),
  };
}

/** Parses the OpenAPI document and builds an engine for it. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const operations = await operationsOf(options.document);
  const router = new Router<() => OperationModel>();
  for (const source of operations) router.add(source.method, source.path, lazyModel(source));
  const info = (options.document as { info?: { title?: string; version?: string } }).info ?? {};

  const fromSpec = answerFromSpec({ dynamic: options.dynamic ?? false, seed: options.seed });
  // One fault step for the engine, whatever the call's responders: its seeded draws run in request order.
  const faults = injectFaults({ ...checkNetworkOptions(options), seed: options.seed ?? 'osm' }, fromSpec);
  const beforeRouting: Step<Arrival>[] = [
    refuseLargeHead,
    answerPreflight,
    answerIndex(indexBody(info.title ?? '', info.version ?? '', operations, options.docsUrl)),
  ];
  const operationSteps = (responders: readonly Responder[]): Step<Exchange>[] => [
    checkCredentials,
    checkBodyLimits,
    readPreferences,
    faults,
    decodeParameters,
    checkParameters,
    parseBody,
    ...(options.strict ? [refuseUnknownFields] : []),
    checkWithPrism,
    ...(options.finalSteps ?? [refuseInvalid, ...(responders.length ? [askResponders(responders)] : []), fromSpec]),
  ];
  const ownSteps = operationSteps(options.responders ?? []);

  async function answer(request: MockRequest, steps: readonly Step<Exchange>[]): Promise<MockResponse> {
    const arrival = arrive(request);
    const early = await runSteps(arrival, beforeRouting);
    if (early) return early;
    const exchange = routeRequest(router, arrival);
    if (!('operation' in exchange)) return exchange;
    const answered = await runSteps(exchange, steps);
    if (!answered) throw new Error('no step answered');
    // A fault that cuts an answer short (truncate) is carried out by the door, on whichever answer was made.
    return exchange.fault && !answered.fault ? { ...answered, fault: exchange.fault } : answered;
  }

  return {
    operations: operations.length,
    async handle(request, call) {
      const steps = call?.responders?.length ? operationSteps([...call.responders, ...(options.responders ?? [])]) : ownSteps;
      try {
        return await answer(request, steps);
      } catch (error) {
        return jsonAnswer(500, mockFailureBody((error as Error).message ?? String(error)), corsHeaders(request.headers.origin));
      }
    },
    route(method, url) {
      const routed = routeRequest(router, arrive({ method, url, headers: {} }));
      return 'operation' in routed
        ? { operationId: routed.operation.operationId, method: routed.operation.method, pathTemplate: routed.operation.pathTemplate }
        : undefined;
    },
  };
}
