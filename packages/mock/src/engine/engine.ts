// The mock's one engine, behind both front doors (the HTTP server and the MSW handlers): a pipeline of
// named steps (pipeline.ts, one file per step in steps/). Before routing: the head's size, CORS
// preflights, `GET /`. Routing finds the operation; then, in order: credentials, body limits, `Prefer`,
// decoding, parameter checks, the body, strict mode (when on), Prism's validation, the refusal of an
// invalid request, the responders (the caller's, then the stateful sandbox), and the answer from the spec.
import { jsonAnswer } from './answers.js';
import { corsHeaders } from './cors.js';
import { indexBody } from './index-page.js';
import { modelOperation, type OperationModel } from './operation-model.js';
import type { OperationSource } from './operation-source.js';
import { mockFailureBody } from './osm-errors.js';
import { type Arrival, type Exchange, runSteps, type Step } from './pipeline.js';
import { operationsOf } from './operations-source.js';
import { withoutDotSegments } from './read-request.js';
import { Router } from './router.js';
import { readBody } from './steps/body.js';
import { checkBodyLimits } from './steps/body-limits.js';
import { checkCredentials } from './steps/credentials.js';
import { decodeParameters } from './steps/decode.js';
import { answerFromSpec } from './steps/example-answer.js';
import { refuseLargeHead } from './steps/head-limit.js';
import { answerIndex } from './steps/index-page.js';
import { checkParameters } from './steps/parameters.js';
import { answerPreflight } from './steps/preflight.js';
import { readPreferences } from './steps/prefer.js';
import { checkWithPrism } from './steps/prism-validation.js';
import { refuseInvalid } from './steps/refuse-invalid.js';
import { askResponders } from './steps/responders.js';
import { routeRequest } from './steps/route.js';
import { refuseUnknownFields } from './steps/strict.js';
import type { MockRequest, MockResponse, Responder } from './types.js';

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
  /** Asked in order after validation, before an example is picked (see {@link Responder}). */
  responders?: readonly Responder[];
  /**
   * A mode of the engine other than mocking (the proxy): steps run after Prism's validation instead of
   * the refusal of an invalid request, the responders and the answer from the spec. They see every
   * violation found so far (`exchange.violations`) and must answer.
   */
  finalSteps?: readonly Step<Exchange>[];
}

/** A ready engine. */
export interface Engine {
  /** How many operations the spec has. */
  readonly operations: number;
  /** Answers one request. Never rejects: a failure of the mock itself is a 500 `OSM.0004`. */
  handle(request: MockRequest): Promise<MockResponse>;
}

/** The engine's model of an operation, made on the first request routed to it. */
function lazyModel(source: OperationSource): () => OperationModel {
  let model: OperationModel | undefined;
  return () => (model ??= modelOperation(source.load()));
}

/** The request as the steps before routing read it. */
function arrive(request: MockRequest): Arrival {
  const [rawPath = '/', search = ''] = request.url.split('#')[0]!.split(/\?(.*)/s);
  return { request, method: request.method.toUpperCase(), path: withoutDotSegments(rawPath), search, cors: corsHeaders(request.headers.origin) };
}

/** Parses the OpenAPI document and builds an engine for it. */
export async function createEngine(options: EngineOptions): Promise<Engine> {
  const operations = await operationsOf(options.document);
  const router = new Router<() => OperationModel>();
  for (const source of operations) router.add(source.method, source.path, lazyModel(source));
  const info = (options.document as { info?: { title?: string; version?: string } }).info ?? {};

  const beforeRouting: Step<Arrival>[] = [refuseLargeHead, answerPreflight, answerIndex(indexBody(info.title ?? '', info.version ?? '', operations, options.docsUrl))];
  const operationSteps: Step<Exchange>[] = [
    checkCredentials,
    checkBodyLimits,
    readPreferences,
    decodeParameters,
    checkParameters,
    readBody,
    ...(options.strict ? [refuseUnknownFields] : []),
    checkWithPrism,
    ...(options.finalSteps ?? [
      refuseInvalid,
      ...(options.responders?.length ? [askResponders(options.responders)] : []),
      answerFromSpec({ dynamic: options.dynamic ?? false, seed: options.seed }),
    ]),
  ];

  async function answer(request: MockRequest): Promise<MockResponse> {
    const arrival = arrive(request);
    const early = await runSteps(arrival, beforeRouting);
    if (early) return early;
    const exchange = routeRequest(router, arrival);
    if (!('operation' in exchange)) return exchange;
    const answered = await runSteps(exchange, operationSteps);
    if (!answered) throw new Error('no step answered');
    return answered;
  }

  return {
    operations: operations.length,
    async handle(request) {
      try {
        return await answer(request);
      } catch (error) {
        return jsonAnswer(500, mockFailureBody((error as Error).message ?? String(error)), corsHeaders(request.headers.origin));
      }
    },
  };
}
