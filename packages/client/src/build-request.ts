import {
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  type FetchOptions,
  type HeadersOptions,
  mergeHeaders,
  type PathSerializer,
  type QuerySerializer,
} from 'openapi-fetch';
import { OsmRequestError } from './errors.js';

/** What a call gives to build its request from: openapi-fetch's per-call options. */
export type BuildInit = FetchOptions<unknown> & { [key: string]: unknown };

/** The per-call options as this file reads them (openapi-fetch's, untyped by operation). */
interface CallOptions {
  baseUrl?: string;
  headers?: HeadersOptions;
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: HeadersOptions };
  querySerializer?: QuerySerializer<unknown> | Parameters<typeof createQuerySerializer>[0];
  bodySerializer?: (body: unknown, headers?: Headers) => unknown;
  pathSerializer?: PathSerializer;
  body?: unknown;
}

/** A request in parts, not yet a `Request`: fetch builds that from them, once. */
export interface RequestParts {
  url: string;
  method: string;
  /** Mutable: the credentials are added to them last. */
  headers: Headers;
  body: BodyInit | undefined;
  /** The call's other fetch options (`cache`, `credentials`, `mode`...), as they are. */
  init: RequestInit;
}

/**
 * Builds the request of one attempt the way openapi-fetch's own client does - path parameters, query,
 * headers merged over the client's, the body serialized (JSON, or what `bodySerializer` gives) - with its
 * exported helpers, so that the client needs none of openapi-fetch's middleware machinery at run time.
 */
export function buildRequest(baseUrl: string, method: string, path: string, defaultHeaders: HeadersOptions, init: BuildInit): RequestParts {
  const {
    baseUrl: callBaseUrl,
    fetch,
    Request: _,
    headers,
    params = {},
    parseAs,
    querySerializer,
    bodySerializer,
    pathSerializer,
    body,
    middleware,
    ...requestInit
  } = init as CallOptions & Record<string, unknown>;
  const url = createFinalURL(path, {
    baseUrl: callBaseUrl ? callBaseUrl.replace(/\/$/, '') : baseUrl,
    params,
    querySerializer: typeof querySerializer === 'function' ? querySerializer : createQuerySerializer(querySerializer),
    pathSerializer: pathSerializer ?? defaultPathSerializer,
  });
  const serialized =
    body === undefined
      ? undefined
      : serialize(bodySerializer ?? defaultBodySerializer, body, mergeHeaders(defaultHeaders, headers, params.header));
  // JSON unless the body is FormData (fetch writes its type and boundary) or a header says otherwise.
  const typed = serialized === undefined || serialized instanceof FormData ? {} : { 'Content-Type': 'application/json' };
  return {
    url,
    method,
    headers: mergeHeaders(typed, defaultHeaders, headers, params.header),
    body: serialized as BodyInit | undefined,
    init: requestInit as RequestInit,
  };
}

/** The body as the serializer makes it; what it cannot serialize (a cycle, a BigInt) is an OsmRequestError. */
function serialize(serializer: (body: unknown, headers?: Headers) => unknown, body: unknown, headers: Headers): unknown {
  try {
    return serializer(body, headers);
  } catch (error) {
    throw new OsmRequestError(`body cannot be serialized: ${error instanceof Error ? error.message : String(error)}`, 'body');
  }
}
