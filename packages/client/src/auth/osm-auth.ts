import type { OsmFetch } from '../osm-fetch.js';

/** A request about to be sent, as an authentication method sees it. */
export interface OutgoingRequest {
  /** `GET`, `POST`... */
  readonly method: string;
  /** The absolute URL, query included. */
  readonly url: string;
  /** The headers, without the credentials. */
  readonly headers: Headers;
  /** The exact bytes of the body; undefined when there is none. */
  readonly body: Uint8Array | undefined;
}

/** The credentials of one request: header name -> value. */
export type CredentialHeaders = Readonly<Record<string, string>>;

/** What an authentication method gets with each request. */
export interface AuthContext {
  /** The client's fetch (its `fetch` option, else the global one), for methods that ask a server (IAM). */
  fetch: OsmFetch;
  /** Aborts when the call is cancelled or times out: stop waiting then. */
  signal: AbortSignal;
}

/** A request OSM (or its gateway) answered with HTTP 401, and that answer. */
export interface Rejection {
  /** The request as it was sent, credentials included. */
  readonly request: OutgoingRequest;
  /** The 401 response; its headers are there to read (e.g. `Date`), its body is not read yet. */
  readonly response: Response;
}

/**
 * An authentication method: gives the credential headers of each request. Made by {@link tokenAuth},
 * {@link iamPasswordAuth} or {@link akSkAuth}. The client sets those headers last, and only on requests to
 * the origin it was configured with (a redirect elsewhere never carries them).
 */
export interface OsmAuth {
  /** The headers that authenticate `request`; asked again for every attempt, redirect and replay. */
  credentialsFor(request: OutgoingRequest, context: AuthContext): CredentialHeaders | Promise<CredentialHeaders>;
  /**
   * OSM answered HTTP 401 to a request carrying `rejected`: fresh credentials to send it once more with,
   * or undefined to give up. `rejection` is the request and the 401 response (its body unread). Optional.
   */
  renew?(rejected: CredentialHeaders, context: AuthContext, rejection: Rejection): Promise<CredentialHeaders | undefined>;
}
