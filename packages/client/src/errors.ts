import { errorCatalogue } from './generated/error-catalogue.js';

/** A code of the OSM error catalogue (`spec/error-codes.yaml`). */
export type OsmCatalogueCode = keyof typeof errorCatalogue;

/**
 * Codes of answers the client could not take as OSM's: a body that is not JSON, an empty body where the
 * operation has one, a body larger than the client's limit (`maxJsonBytes`, `maxFileBytes`; never
 * retried), a redirect it did not follow (see the client's `crossOriginRedirect`).
 */
export type OsmClientErrorCode = 'CLIENT.INVALID_BODY' | 'CLIENT.EMPTY_BODY' | 'CLIENT.BODY_TOO_LARGE' | 'CLIENT.REDIRECT_REFUSED';

/**
 * An `error_code` as OSM returns it: a catalogue code (autocompleted), an `APIGW.*` code from Huawei
 * Cloud's API gateway, `HTTP.<status>` when an error response carried no OSM error body, or one of the
 * client's own {@link OsmClientErrorCode}s.
 */
export type OsmErrorCode = OsmCatalogueCode | OsmClientErrorCode | (string & {});

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
 * It holds only what the response said - never request headers, tokens or keys: a credential the server
 * echoed back (as sent, or encoded) is replaced by `***`.
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

  /** @param phase Whether the connection failed before the response's headers or while its body was read. */
  constructor(method: string, url: string, cause: unknown, phase: 'headers' | 'body' = 'headers') {
    const when = phase === 'headers' ? 'before a response arrived' : 'while its response body was read';
    super(`${method} ${withoutQuery(url)} failed ${when}: ${messageOf(cause)}`, { cause });
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

/**
 * Credentials are malformed (said when the auth is created, naming the field, never its value), or could
 * not be turned into a token: IAM refused them or answered unexpectedly. Thrown.
 */
export class OsmAuthError extends Error {
  override readonly name = 'OsmAuthError';

  constructor(
    message: string,
    /** HTTP status of the IAM response; undefined when no request was made. */
    readonly httpStatus?: number,
  ) {
    super(message);
  }
}

/**
 * What a call was given cannot be sent as its request: a path parameter that is missing, empty, `.`,
 * `..` (it would leave its path segment) or neither a string nor a number; a lone UTF-16 surrogate in a
 * path or query value; a header name or value a header cannot carry; a body that cannot be serialized;
 * a URL outside the client's origin while it holds credentials; an option out of range. Thrown before
 * anything is sent; it names the parameter, header or option, never its value.
 */
export class OsmRequestError extends Error {
  override readonly name = 'OsmRequestError';

  constructor(
    message: string,
    /** The parameter, header or option at fault, e.g. `case_id`, `X-Auth-Token` or `baseUrl`. */
    readonly parameter: string,
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
