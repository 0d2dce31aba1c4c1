// The MSW front door, for both platforms: translates MSW's Request into the engine's MockRequest and the
// engine's answer into a Response. How the spec and a seed are read is the platform's part (node.ts,
// browser.ts); everything else is shared, so Node's setupServer and the browser's setupWorker answer alike.
import { HttpResponse, http, type RequestHandler } from 'msw';
import { corsHeaders } from '../engine/cors.js';
import type { Engine } from '../engine/engine.js';
import { mockFailureBody } from '../engine/osm-errors.js';
import type { MockResponse, Responder } from '../engine/types.js';
import type { SandboxSeed } from '../stateful/seed.js';
import { engineFor, resolveStatefulOption, sandboxFor, type StatefulOption } from '../stateful/mock-option.js';

/** The endpoint `@osm-openapi/client` calls by default (region ap-southeast-3). */
export const DEFAULT_OSM_URL = 'https://osm.ap-southeast-3.myhuaweicloud.com';

/** Options of `osmHandlers()`. */
export interface OsmHandlersOptions {
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
  /** Seed for `dynamic` data. Default `osm`. */
  seed?: string;
  /** Refuse query parameters and body fields the spec does not name. Default false. */
  strict?: boolean;
  /** Answers validated requests before the examples do (see the README). */
  responder?: Responder;
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

/** The handlers of `osmHandlers()`; the engine is built on the first request, once. */
export function createHandlers(options: OsmHandlersOptions, platform: Platform): RequestHandler[] {
  const base = new URL(options.baseUrl ?? DEFAULT_OSM_URL);
  const prefix = base.pathname.replace(/\/$/, '');
  const stateful = resolveStatefulOption(options.stateful, platform.readSeed);
  let engine: Promise<Engine> | undefined;
  const ready = () =>
    (engine ??= (typeof options.spec === 'object' ? Promise.resolve(options.spec) : platform.readSpec(options.spec)).then((document) =>
      engineFor({ document, dynamic: options.dynamic ?? false, seed: options.seed ?? 'osm', strict: options.strict ?? false, responders: options.responder ? [options.responder] : [] }, sandboxFor(document, stateful)),
    ));

  /** Whether a request is under `baseUrl`, read from the URL's text: msw's own path matching decodes the path and fails on a malformed escape. */
  const ours = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    return url.origin === base.origin && (!prefix || url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  };

  return [
    http.all(ours, async ({ request }) => {
      let answer: MockResponse;
      try {
        const url = new URL(request.url);
        const headers: Record<string, string> = {};
        request.headers.forEach((value, name) => {
          headers[name] = value;
        });
        const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());
        // The path as sent: URL keeps percent-escapes as they are (and has already removed dot segments).
        const path = url.pathname.slice(prefix.length) || '/';
        answer = await (await ready()).handle({ method: request.method, url: `${path}${url.search}`, headers, body: body?.byteLength ? body : undefined });
      } catch (error) {
        // The engine never rejects; reading the spec or the body can. msw would answer with the stack.
        answer = { status: 500, headers: { ...corsHeaders(request.headers.get('origin') ?? undefined), 'content-type': 'application/json' }, body: JSON.stringify(mockFailureBody(String((error as Error).message ?? error))) };
      }
      return new HttpResponse(responseBody(answer.body), { status: answer.status, headers: answer.headers });
    }),
  ];
}
