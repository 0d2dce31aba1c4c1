import { untilAborted } from './abortable.js';
import type { AuthContext, CredentialHeaders, OsmAuth, OutgoingRequest } from './auth/osm-auth.js';
import type { RequestParts } from './build-request.js';
import { OsmAuthError, OsmNetworkError } from './errors.js';
import { isHeaderValue } from './header-value.js';
import type { OsmFetch } from './osm-fetch.js';
import type { SentRequest } from './redaction/sent-secrets.js';

/**
 * What the client does when a response redirects to another origin: `'refuse'` (the default) answers the
 * call with an `OsmError` of code `CLIENT.REDIRECT_REFUSED`; `'follow-without-credentials'` follows it
 * without any credential header. Redirects within the origin are followed, authenticated afresh.
 */
export type CrossOriginRedirect = 'refuse' | 'follow-without-credentials';

/** What {@link createTransport} needs from the client's options. */
export interface TransportOptions {
  /** The caller's fetch; default the global one, looked up at call time so that late polyfills work. */
  fetch?: OsmFetch | undefined;
  auth?: OsmAuth | undefined;
  crossOriginRedirect?: CrossOriginRedirect | undefined;
}

/**
 * Sends one attempt of a call and resolves to its final response. Every request sent on the way is
 * recorded in `sent`, so that the call can redact its credentials from whatever error it makes.
 */
export type Exchange = (parts: RequestParts, signal: AbortSignal, sent: SentRequest[]) => Promise<Response>;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
/** Headers that carry credentials whoever set them: with the auth's own, they never go to another origin. */
const CREDENTIAL_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-auth-token',
  'x-security-token',
  'x-domain-id',
  'x-sdk-date',
];
/** Headers that describe a body, dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ['content-type', 'content-encoding', 'content-language', 'content-location'];

/**
 * The client's way of sending a request: it adds the credentials last, follows redirects itself (fetch is
 * told `redirect: 'manual'`, so it never re-sends credentials or a body anywhere on its own), sends a
 * request once more with renewed credentials after a 401, and turns a failure without a response into
 * {@link OsmNetworkError} - or into the abort reason once `signal` has aborted.
 *
 * The global fetch is called with the URL and an init carrying the deadline's signal, so the one
 * `Request` of an attempt is the one fetch builds - not a copy of one built before, each copy costing a
 * signal of its own. A caller's fetch gets a Request (with the signal), and is raced with the signal (it
 * may ignore it), as is an auth that answers asynchronously (a token provider).
 */
export function createTransport({ fetch: customFetch, auth, crossOriginRedirect = 'refuse' }: TransportOptions): Exchange {
  return async (parts, signal, sent) => {
    const context: AuthContext = { fetch: customFetch ?? ((request) => globalThis.fetch(request)), signal };
    const fetchOnce = async ({ method, url, headers, body }: OutgoingRequest): Promise<Response> => {
      // A copy of the bytes each time: fetch may transfer (detach) the buffer it is given.
      const init: RequestInit = { ...parts.init, method, headers, body: body?.slice(), redirect: 'manual', signal };
      try {
        signal.throwIfAborted();
        return await (customFetch ? untilAborted(customFetch(new Request(url, init)), signal) : globalThis.fetch(url, init));
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        throw new OsmNetworkError(method, url, error);
      }
    };
    let outgoing: OutgoingRequest = {
      method: parts.method,
      url: parts.url,
      headers: parts.headers,
      // Kept as bytes: what AK/SK hashes is what is sent, and a redirect or a replay can send it again.
      body: parts.body === undefined ? undefined : await bytesOf(parts.body, parts.headers),
    };
    let withCredentials = auth !== undefined;
    let renewed = false;
    for (let redirects = 0; ; redirects++) {
      let credentials = withCredentials && auth ? await settled(auth.credentialsFor(outgoing, context), signal) : undefined;
      const send = (headers: CredentialHeaders | undefined) => {
        if (headers) setCredentials(outgoing.headers, headers);
        sent.push({ headers: outgoing.headers, credentials: headers });
        return fetchOnce(outgoing);
      };
      let response = await send(credentials);
      if (response.status === 401 && credentials && auth?.renew && !renewed) {
        renewed = true;
        const fresh = await auth.renew(credentials, context, { request: outgoing, response });
        if (fresh) {
          await response.body?.cancel();
          credentials = fresh;
          response = await send(fresh);
        }
      }

      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      const target = location === null || redirects === MAX_REDIRECTS ? undefined : urlOrUndefined(location, outgoing.url);
      if (!target) return response;
      const sameOrigin = target.origin === new URL(parts.url).origin;
      if (!sameOrigin && crossOriginRedirect === 'refuse') return response;
      await response.body?.cancel();
      outgoing = redirected(outgoing, response.status, target.href, [
        ...Object.keys(credentials ?? {}),
        ...(sameOrigin ? [] : CREDENTIAL_HEADERS),
      ]);
      withCredentials &&= sameOrigin;
    }
  };
}

/** `value`, or once it settles if it is a promise - unless `signal` aborts first. */
function settled<T>(value: T | Promise<T>, signal: AbortSignal): T | Promise<T> {
  return value instanceof Promise ? untilAborted(value, signal) : value;
}

/** Sets the credential headers; a value fetch would refuse (and print) is refused here, unprinted. */
function setCredentials(headers: Headers, credentials: CredentialHeaders): void {
  for (const [name, value] of Object.entries(credentials)) {
    if (!isHeaderValue(value)) throw new OsmAuthError(`credential header ${name} has characters a header cannot carry`);
    headers.set(name, value);
  }
}

function urlOrUndefined(location: string, base: string): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined; // an unreadable Location is not followed: the 3xx is the answer
  }
}

const encoder = new TextEncoder();

/**
 * The bytes of a body, as fetch would send them; a body that brings its own Content-Type (FormData and
 * its boundary) sets it in `headers` unless they have one.
 */
async function bytesOf(body: BodyInit, headers: Headers): Promise<Uint8Array> {
  if (typeof body === 'string') return encoder.encode(body);
  const extracted = new Response(body);
  const type = extracted.headers.get('content-type');
  if (type && !headers.has('content-type')) headers.set('content-type', type);
  return new Uint8Array(await extracted.arrayBuffer());
}

/** The request a redirect asks for: 303 (and 301/302 after a POST) become a GET without body. */
function redirected(from: OutgoingRequest, status: number, url: string, dropped: readonly string[]): OutgoingRequest {
  const headers = new Headers(from.headers);
  const toGet = status === 303 ? from.method !== 'HEAD' : (status === 301 || status === 302) && from.method === 'POST';
  for (const name of toGet ? [...dropped, ...BODY_HEADERS] : dropped) headers.delete(name);
  return { method: toGet ? 'GET' : from.method, url, headers, body: toGet ? undefined : from.body };
}
