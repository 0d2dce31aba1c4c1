import { errorCatalogue } from './generated/error-catalogue.js';

/** A code of the OSM error catalogue (`spec/error-codes.yaml`). */
export type OsmCatalogueCode = keyof typeof errorCatalogue;

/**
 * An `error_code` as OSM returns it: a catalogue code (autocompleted), an `APIGW.*` code from Huawei
 * Cloud's API gateway, or `HTTP.<status>` when an error response carried no OSM error body.
 */
export type OsmErrorCode = OsmCatalogueCode | (string & {});

/** What {@link OsmError}'s constructor takes. */
export interface OsmErrorInit {
  /** The `error_code`. */
  code: OsmErrorCode;
  /** The `error_msg`. */
  message: string;
  /** HTTP status of the response: 200 for business errors, else 4xx/5xx. */
  httpStatus: number;
  /** Request ID to quote to Huawei support (`request_id` in the body, else the `X-Request-Id` header). */
  requestId?: string;
}

/**
 * An error answer from OSM: an HTTP 4xx/5xx response, or an HTTP 200 response whose body carries an
 * `error_code` (OSM's business errors). Returned as `error`, never thrown, except by iterators
 * ({@link paginate}), which have no other way to report it.
 *
 * It holds only what the response said - never request headers, tokens or keys.
 */
export class OsmError extends Error {
  override readonly name = 'OsmError';
  /** The `error_code`, e.g. `OSM.01010015`. */
  readonly code: OsmErrorCode;
  /** HTTP status of the response: 200 for business errors. */
  readonly httpStatus: number;
  /** What the code means, from the catalogue; undefined for codes outside it. */
  readonly description: string | undefined;
  /** What to do about it, from the catalogue; undefined for codes outside it. */
  readonly solution: string | undefined;
  /** Request ID to quote to Huawei support, when the response gave one. */
  readonly requestId: string | undefined;

  constructor(init: OsmErrorInit) {
    super(init.message);
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    const entry = Object.hasOwn(errorCatalogue, init.code) ? errorCatalogue[init.code as OsmCatalogueCode] : undefined;
    this.description = entry?.description;
    this.solution = entry?.solution;
    this.requestId = init.requestId;
  }

  /** True when `code` is one of the catalogue's codes, narrowing it to {@link OsmCatalogueCode}. */
  isCatalogued(): this is OsmError & { readonly code: OsmCatalogueCode } {
    return Object.hasOwn(errorCatalogue, this.code);
  }

  /** The fields, for logs (`JSON.stringify` leaves out an Error's message otherwise). */
  toJSON(): Record<string, unknown> {
    const { name, code, httpStatus, message, description, solution, requestId } = this;
    return { name, code, httpStatus, message, description, solution, requestId };
  }
}

/**
 * The request never got an HTTP response: DNS, connection, TLS or socket failure. Thrown (like
 * openapi-fetch and fetch do), with the underlying error as `cause`. GET requests are retried first.
 */
export class OsmNetworkError extends Error {
  override readonly name = 'OsmNetworkError';

  constructor(method: string, url: string, cause: unknown) {
    super(`${method} ${withoutQuery(url)} failed before a response arrived: ${messageOf(cause)}`, { cause });
  }
}

/** The client's `timeoutMs` elapsed before the response (and its body, unless streamed) arrived. Thrown. */
export class OsmTimeoutError extends Error {
  override readonly name = 'OsmTimeoutError';

  /** @param timeoutMs The limit that elapsed. @param what The request, as "METHOD /path". */
  constructor(
    readonly timeoutMs: number,
    what: string,
  ) {
    super(`${what} timed out after ${timeoutMs} ms`);
  }
}

/** Credentials could not be turned into a token: IAM refused them or answered unexpectedly. Thrown. */
export class OsmAuthError extends Error {
  override readonly name = 'OsmAuthError';

  constructor(
    message: string,
    /** HTTP status of the IAM response. */
    readonly httpStatus: number,
  ) {
    super(message);
  }
}

// The query can carry user data (phone numbers, e-mail addresses); the path is enough to say what failed.
function withoutQuery(url: string): string {
  const queryStart = url.indexOf('?');
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

function messageOf(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
  return `${cause.message}${inner}`;
}
