// The engine's own request and response shapes: plain data, so that the HTTP server and the MSW
// handlers (and any other front door) can translate to and from them without the engine knowing either.
import type { FormPart } from './form.js';

/** A request as it reached a front door, before any parsing. */
export interface MockRequest {
  /** Upper- or lower-case HTTP method. */
  method: string;
  /** Path and query as sent (`/v2/servicerequest/cases?limit=10`), percent-escapes untouched. */
  url: string;
  /** Header names in lower case; repeated headers joined with `, ` as Node and fetch do. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body bytes, if the request has a body. */
  body?: Uint8Array;
  /** Aborted when the caller has gone (or the mock closes): a delay or a hung answer ends then. */
  signal?: AbortSignal;
}

/**
 * A fault of the network a front door carries out (`Prefer: fault=...`, the `faults` option): `reset`
 * drops the connection without an answer, `truncate` sends the head and half the body then closes,
 * `hang` never answers (until the idle timeout, or the caller leaves).
 */
export type NetworkFault = 'reset' | 'truncate' | 'hang';

/** The engine's answer, ready to be written by a front door. */
export interface MockResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /**
   * Absent for answers without a body (204, HEAD); pieces of text to write one after the other (the
   * stateful state's dump); or bytes still arriving (a proxied answer), written as they come - if reading
   * them fails midway, the front door ends the connection (the head is sent by then).
   */
  body?: string | Uint8Array | Iterable<string> | AsyncIterable<Uint8Array>;
  /** A fault to carry out instead of writing this answer as it is; with `reset` and `hang` nothing is sent (status 0). */
  fault?: NetworkFault;
}

/** What the caller asked for with `Prefer` (`code=401, example=unauthorized`). */
export interface Preferences {
  code?: number;
  example?: string;
}

/**
 * A request that passed every check of the spec, as a {@link Responder} sees it. Values are the
 * decoded strings sent: a path parameter `a%2Fb` reads `a/b`; an array query parameter, sent as a
 * comma list or as repeated keys, reads as its items.
 */
export interface ValidatedRequest {
  /** The operation's `operationId`, e.g. `showCaseStatus`. */
  operationId: string;
  /** Lower-case method. */
  method: string;
  /** The spec's path template, e.g. `/v2/servicerequest/cases/{case_id}/status`. */
  pathTemplate: string;
  /** Path parameters by name, decoded. */
  path: Record<string, string>;
  /** Query parameters by name; arrays for array parameters. Unknown parameters are kept (outside strict mode). */
  query: Record<string, string | string[]>;
  /** Request headers, names in lower case. */
  headers: Record<string, string>;
  /**
   * The body: parsed JSON; for multipart forms an object of the text parts, with each file part as
   * `{ filename, type, size }`; undefined without a body.
   */
  body: unknown;
  /** The `Prefer` header's choices, if the caller made any. */
  prefer: Preferences;
  /** The body's bytes as sent; undefined without a body. */
  raw: Uint8Array | undefined;
  /** A `multipart/form-data` body's parts in order, each file with its bytes; undefined for other bodies. */
  form: readonly FormPart[] | undefined;
}

/** An answer with a JSON body: an OSM error body, or the operation's data. */
export interface JsonAnswer {
  status: number;
  /** Serialized as JSON; omit for an empty body. */
  body?: unknown;
  /** Extra response headers (names in lower case); CORS and `content-type` are added by the engine. */
  headers?: Record<string, string>;
}

/** An answer of bytes as they are: a file to download, or a body in any media type. */
export interface BytesAnswer {
  /** Default 200. */
  status?: number;
  /** The body; a string is sent as UTF-8. */
  bytes: Uint8Array | string;
  /** Its `Content-Type`. */
  contentType: string;
  /** Extra response headers (names in lower case), e.g. `content-disposition` of a file. */
  headers?: Record<string, string>;
}

/** What a {@link Responder} may answer. */
export type OsmAnswer = JsonAnswer | BytesAnswer;

/**
 * The engine's extension point: consulted for every request that passed validation, before an example
 * is picked. Return an answer to send it instead of the example, or `undefined` to let the next
 * responder (the stateful sandbox, then the examples) answer. It may be async. A thrown error is answered
 * as 500 `OSM.0004` naming its message.
 */
export type Responder = (request: ValidatedRequest) => OsmAnswer | undefined | Promise<OsmAnswer | undefined>;
