// The MSW front door, for both platforms: translates MSW's Request into the engine's MockRequest and the
// engine's answer into a Response. How the spec and a seed are read is the platform's part (node.ts,
// browser.ts); everything else is shared, so Node's setupServer and the browser's setupWorker answer alike.
import { HttpResponse, http, type RequestHandler } from 'msw';
import { corsHeaders } from '../engine/cors.js';
import type { Engine, HandleOptions } from '../engine/engine.js';
import { checkNetworkOptions, type NetworkOptions } from '../engine/network.js';
import { mockFailureBody } from '../engine/osm-errors.js';
import type { MockRequest, MockResponse, Responder } from '../engine/types.js';
import { type AnyOsmOverride, overrides as isFor } from '../overrides/override.js';
import type { OverrideError } from '../overrides/responder.js';
import { createOverrideState, type OverrideState } from '../overrides/state.js';
import { engineFor, resolveStatefulOption, sandboxFor } from '../stateful/mock-option.js';
import type { SandboxSeed } from '../stateful/seed.js';
import type { StatefulOption } from '../stateful/stateful-option.js';
import { faultResponse } from './faults.js';

/** The endpoint `@osm-openapi/client` calls by default (region ap-southeast-3). */
export const DEFAULT_OSM_URL = 'https://osm.ap-southeast-3.myhuaweicloud.com';

/** Options of `osmHandlers()`; `latency` and `faults` as in `startMock()` (see the README: "Faults and latency"). */
export interface OsmHandlersOptions extends NetworkOptions {
  /**
   * Requests under this URL are answered; others go to the next handler. Default: the client's
   * default endpoint, {@link DEFAULT_OSM_URL}. Give the `baseUrl` your client uses.
   */
  baseUrl?: string;
  /**
   * The OpenAPI document to serve: a parsed document, or (in Node only) the path of a JSON or YAML file.
   * Default: `@osm-openapi/spec`'s.
   */
  spec?: string | object;
  /** Answer with data generated from the schemas instead of the named examples. Default false. */
  dynamic?: boolean;
  /** Seed for `dynamic` data and for the latency and faults drawn. Default `osm`. */
  seed?: string;
  /** Refuse query parameters and body fields the spec does not name. Default false. */
  strict?: boolean;
  /** Answers validated requests before the examples do (see the README). */
  responder?: Responder;
  /**
   * Overrides (made by `override()`) answering from the start, before `responder`, the sandbox and the
   * examples; unlike those of `server.use(osm.handler(...))`, `server.resetHandlers()` keeps them.
   */
  overrides?: readonly AnyOsmOverride[];
  /**
   * Keep state in a store of these handlers (see the README: "Stateful mode"); control it with
   * `POST {baseUrl}/__osm/reset` and `GET {baseUrl}/__osm/state`. A seed file (Node only) is read at
   * once; the seed is checked on the first request. Default false.
   */
  stateful?: StatefulOption;
}

/** How a platform reads what options name by path. */
export interface Platform {
  /** The document of the `spec` option: the bundled spec when absent. */
  readSpec(spec: string | undefined): Promise<object>;
  /** A seed file named by the `stateful` option. */
  readSeed(path: string): SandboxSeed;
}

/** An answer's body for a Response: a large one in pieces (the stateful state's dump) as a stream, each piece made when read. */
function responseBody(body: MockResponse['body']): BodyInit | null {
  if (body === undefined) return null;
  if (typeof body === 'string' || body instanceof Uint8Array) return body as BodyInit;
  const encoder = new TextEncoder();
  if (Symbol.asyncIterator in body) {
    const arriving = body[Symbol.asyncIterator]();
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await arriving.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await arriving.return?.();
      },
    });
  }
  const pieces = body[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/** What `osmHandlers()` returns: its MSW handlers (spread them into setupServer/setupWorker), and its overrides' door. */
export interface OsmHandlers extends Array<RequestHandler> {
  /**
   * An MSW handler answering the requests of these overrides' operations with them, for `server.use()`
   * (so `server.resetHandlers()` removes it): the requests are validated by these handlers' engine
   * first, and other requests go on to the next handler.
   */
  handler(...overrides: AnyOsmOverride[]): RequestHandler;
  /** The errors of overrides' answers (an answer OSM could not send) since the last call; forgets them. */
  takeOverrideErrors(): OverrideError[];
}

/** A request as the engine takes it: the path below `prefix`, as sent. */
async function mockRequest(request: Request, prefix: string): Promise<MockRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());
  // The path as sent: URL keeps percent-escapes as they are (and has already removed dot segments).
  const path = url.pathname.slice(prefix.length) || '/';
  return {
    method: request.method,
    url: `${path}${url.search}`,
    headers,
    body: body?.byteLength ? body : undefined,
    signal: request.signal,
  };
}

/** The handlers of `osmHandlers()`; the engine is built on the first request, once. */
export function createHandlers(options: OsmHandlersOptions, platform: Platform): OsmHandlers {
  checkNetworkOptions(options); // at once: the engine itself is built on the first request
  const base = new URL(options.baseUrl ?? DEFAULT_OSM_URL);
  const prefix = base.pathname.replace(/\/$/, '');
  const stateful = resolveStatefulOption(options.stateful, platform.readSeed);
  let built: Promise<{ engine: Engine; overrides: OverrideState }> | undefined;
  let overrideState: OverrideState | undefined;
  const ready = () =>
    (built ??= (typeof options.spec === 'object' ? Promise.resolve(options.spec) : platform.readSpec(options.spec)).then(
      async (document) => {
        const overrides = createOverrideState(document, options.overrides);
        overrideState = overrides;
        const responders = [overrides.responder, ...(options.responder ? [options.responder] : [])];
        const engine = await engineFor(
          {
            document,
            dynamic: options.dynamic ?? false,
            seed: options.seed ?? 'osm',
            strict: options.strict ?? false,
            responders,
            latency: options.latency,
            faults: options.faults,
          },
          sandboxFor(document, stateful),
        );
        return { engine, overrides };
      },
    ));

  /** Whether a request is under `baseUrl`, read from the URL's text: msw's own path matching decodes the path and fails on a malformed escape. */
  const ours = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return url.origin === base.origin && (!prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  };

  /**
   * The engine's answer as a Response; `call` gives the per-call responders, or undefined to pass the
   * request on to the next handler (decided before the body is read, so the next handler can read it).
   */
  const answer = async (
    request: Request,
    call: (built: { engine: Engine; overrides: OverrideState }) => HandleOptions | undefined = () => ({}),
  ) => {
    let response: MockResponse;
    try {
      const mock = await ready();
      const options = call(mock);
      if (!options) return undefined;
      response = await mock.engine.handle(await mockRequest(request, prefix), options);
    } catch (error) {
      // The engine never rejects; reading the spec or the body can, and an override can name no operation. msw would answer with the stack.
      response = {
        status: 500,
        headers: { ...corsHeaders(request.headers.get('origin') ?? undefined), 'content-type': 'application/json' },
        body: JSON.stringify(mockFailureBody(String((error as Error).message ?? error))),
      };
    }
    if (response.fault) return faultResponse(response, request.signal);
    return new HttpResponse(responseBody(response.body), { status: response.status, headers: response.headers });
  };

  const handlers = [http.all(ours, ({ request }) => answer(request))];
  return Object.assign(handlers, {
    handler: (...overrides: AnyOsmOverride[]) =>
      http.all(ours, ({ request }) =>
        answer(request, ({ engine, overrides: state }) => {
          const responders = [state.responderOf(overrides)];
          const url = new URL(request.url);
          const routed = engine.route(request.method, `${url.pathname.slice(prefix.length) || '/'}${url.search}`);
          return routed && overrides.some((override) => isFor(override, routed)) ? { responders } : undefined;
        }),
      ),
    takeOverrideErrors: () => overrideState?.takeErrors() ?? [],
  });
}
