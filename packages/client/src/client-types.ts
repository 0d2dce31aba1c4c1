import type { FetchResponse, MaybeOptionalInit, ParseAs } from 'openapi-fetch';
import type { OsmError } from './errors.js';
import type { components, paths } from './generated/openapi.js';
import type { operationTraits } from './generated/operations.js';
import type { OsmHttpMethod } from './http-method.js';
import type { RetryOptions } from './retry.js';

export type { OsmHttpMethod };

/** The paths that have an operation for method `M`. */
export type OsmPathsWith<M extends OsmHttpMethod> = {
  [P in keyof paths]: paths[P] extends Record<Lowercase<M>, object> ? P : never;
}[keyof paths];

/** The generated operation type of `M path`. */
export type OsmOperation<P extends keyof paths, M extends OsmHttpMethod> = paths[P][Lowercase<M>] extends infer Op extends Operation
  ? Op
  : never;

/** What openapi-fetch's types require of an operation. */
// biome-ignore lint/suspicious/noExplicitAny: openapi-fetch's own constraint on an operation, kept as it is
type Operation = Record<string | number, any>;

/** A schema of the spec by name: `OsmSchema<'IncidentInfoV2'>`. */
export type OsmSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The body OSM sends with every error. */
export type OsmErrorBody = components['schemas']['OsmErrorBody'];

/** Options the client adds to openapi-fetch's per-call ones (`params`, `body`, `headers`, `parseAs`, `signal`...). */
export interface OsmCallOptions {
  /** Overrides the client's `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides (merged over) the client's `retry` for this call; `false` sends it once. */
  retry?: RetryOptions | false;
  /** Overrides the client's `maxJsonBytes` (or `maxFileBytes`, for a file download) for this call. */
  maxBodyBytes?: number;
}

/** The second argument of a call: typed params, body and headers of `M path`, plus {@link OsmCallOptions}. */
export type OsmInit<P extends keyof paths, M extends OsmHttpMethod> = NonNullable<MaybeOptionalInit<paths[P], Lowercase<M>>> &
  OsmCallOptions;

type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/** The init argument is optional exactly when nothing in it is required (as in openapi-fetch). */
export type InitParam<Init> =
  RequiredKeys<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];

/**
 * A result in openapi-fetch's style: either `data` or `error`, and always the `response`.
 * Network failures and timeouts are not results: they are thrown ({@link OsmNetworkError}, {@link OsmTimeoutError}).
 */
export type OsmResult<T> = { data: T; error?: never; response: Response } | { data?: never; error: OsmError; response: Response };

// The `data` of openapi-fetch's success member (its error member's `data` is optional, so does not match).
type FetchData<Op extends Operation, Init> =
  FetchResponse<Op, Init, `${string}/${string}`> extends infer Result ? (Result extends { data: infer Data } ? Data : never) : never;

/** The success type of an operation, without the `OsmErrorBody` alternative of its 200 response. */
export type OsmData<Op extends Operation, Init = {}> = Exclude<FetchData<Op, Init>, OsmErrorBody>;

/** What a call of operation `Op` resolves to. */
export type OsmResponse<Op extends Operation, Init = {}> = OsmResult<OsmData<Op, Init>>;

type Traits = typeof operationTraits;

/** The init as the runtime sees it: file operations are parsed as a Blob unless `parseAs` says otherwise. */
type WithDefaultParseAs<Init, Key extends string> = Init extends { parseAs: ParseAs }
  ? Init
  : Key extends keyof Traits
    ? Traits[Key] extends { binary: true }
      ? Init & { parseAs: 'blob' }
      : Init
    : Init;

/** One HTTP method of the client: `client.GET(path, init)`. */
export type OsmMethod<M extends OsmHttpMethod> = <P extends OsmPathsWith<M>, Init extends OsmInit<P, M>>(
  path: P,
  ...init: InitParam<Init>
) => Promise<OsmResponse<OsmOperation<P, M>, WithDefaultParseAs<Init, `${M} ${P}`>>>;

/**
 * The OSM client: one typed method per HTTP method, every operation of the spec by its path.
 *
 * ```ts
 * const { data, error } = await client.GET('/v2/servicerequest/cases/{case_id}/status', {
 *   params: { path: { case_id: 'CS20240101000001' } },
 * });
 * ```
 */
export interface OsmClient {
  /** Calls a GET operation. */
  GET: OsmMethod<'GET'>;
  /** Calls a PUT operation. */
  PUT: OsmMethod<'PUT'>;
  /** Calls a POST operation. */
  POST: OsmMethod<'POST'>;
  /** Calls a DELETE operation. */
  DELETE: OsmMethod<'DELETE'>;
}
