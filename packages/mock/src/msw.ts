/**
 * @osm-openapi/mock/msw: the OSM mock as request handlers for MSW (Mock Service Worker) 2.x, answering
 * in the test's own process, with no port: the same engine, answers, `Prefer` choices and OSM errors
 * as `startMock()`.
 *
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { osmHandlers } from '@osm-openapi/mock/msw';
 *
 * const server = setupServer(...osmHandlers());
 * server.listen();
 * ```
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import { createEngine, type Engine } from './engine/engine.js';
import type { Responder } from './engine/types.js';
import { readSpec } from './spec-file.js';

/** The endpoint `@osm-openapi/client` calls by default (region ap-southeast-3). */
export const DEFAULT_OSM_URL = 'https://osm.ap-southeast-3.myhuaweicloud.com';

/** Options of {@link osmHandlers}. */
export interface OsmHandlersOptions {
  /**
   * Requests under this URL are answered; others go to the next handler. Default: the client's
   * default endpoint, {@link DEFAULT_OSM_URL}. Give the `baseUrl` your client uses.
   */
  baseUrl?: string;
  /** The OpenAPI document to serve: a file path (JSON or YAML) or a parsed document. Default: `@osm-openapi/spec`'s. */
  spec?: string | object;
  /** Answer with data generated from the schemas instead of the named examples. Default false. */
  dynamic?: boolean;
  /** Seed for `dynamic` data. Default `osm`. */
  seed?: string;
  /** Refuse query parameters and body fields the spec does not name. Default false. */
  strict?: boolean;
  /** Answers validated requests before the examples do (see the README). */
  responder?: Responder;
}

/**
 * MSW handlers answering every operation of the OSM API under `baseUrl`. The spec is read and parsed
 * on the first request (once), so creating the handlers costs nothing.
 */
export function osmHandlers(options: OsmHandlersOptions = {}): RequestHandler[] {
  const base = new URL(options.baseUrl ?? DEFAULT_OSM_URL);
  const prefix = base.pathname.replace(/\/$/, '');
  let engine: Promise<Engine> | undefined;
  const ready = () =>
    (engine ??= (typeof options.spec === 'object' ? Promise.resolve(options.spec) : readSpec(options.spec)).then((document) =>
      createEngine({ document, dynamic: options.dynamic ?? false, seed: options.seed ?? 'osm', strict: options.strict ?? false, responder: options.responder }),
    ));

  return [
    http.all('*', async ({ request }) => {
      const url = new URL(request.url);
      if (url.origin !== base.origin || (prefix && url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`))) return undefined;
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());
      // The path as sent: URL keeps percent-escapes as they are (and has already removed dot segments).
      const path = url.pathname.slice(prefix.length) || '/';
      const answer = await (await ready()).handle({ method: request.method, url: `${path}${url.search}`, headers, body: body?.byteLength ? body : undefined });
      return new HttpResponse(answer.body === undefined ? null : (answer.body as BodyInit), { status: answer.status, headers: answer.headers });
    }),
  ];
}
