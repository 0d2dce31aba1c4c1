import type { ParseAs } from 'openapi-fetch';
import { untilAborted } from './abortable.js';
import { type OsmAuthOption, resolveAuth } from './auth/auth-option.js';
import { type BuildInit, buildRequest } from './build-request.js';
import type { OsmCallOptions, OsmClient, OsmResult } from './client-types.js';
import { startDeadline } from './deadline.js';
import { OsmError, OsmNetworkError } from './errors.js';
import { toFormData } from './form-data.js';
import type { components } from './generated/openapi.js';
import type { OsmHttpMethod } from './http-method.js';
import { traitsOf } from './operation-traits.js';
import type { OsmFetch } from './osm-fetch.js';
import { querySerializerFor } from './query-serializer.js';
import { readResponse } from './read-response.js';
import { checkHeaders, checkPathParameters } from './request-checks.js';
import { toOsmResult } from './result.js';
import { type RetryOptions, retryPolicy, withRetries } from './retry.js';
import { type CrossOriginRedirect, createTransport } from './transport.js';

/** Options of {@link createOsmClient}. Every one is optional. */
export interface OsmClientOptions {
  /** Region of the endpoint `https://osm.{region}.myhuaweicloud.com`. Default `ap-southeast-3`. */
  region?: string;
  /** Base URL instead of the one `region` gives, e.g. a mock's. Paths already start with `/v2` or `/v1.0`. */
  baseUrl?: string;
  /** How requests are authenticated; see {@link OsmAuthOption}. Default: not at all. */
  auth?: OsmAuthOption;
  /**
   * A response redirecting to another origin: `'refuse'` (default) answers the call with an `OsmError`
   * `CLIENT.REDIRECT_REFUSED`; `'follow-without-credentials'` follows it with no credential header (the
   * body of a 307/308 goes along). Redirects within the origin are followed and authenticated afresh.
   */
  crossOriginRedirect?: CrossOriginRedirect;
  /** `X-Language` of every request (e.g. `en-us`), unless a call sets its own. OSM's default is `zh-cn`. */
  language?: components['parameters']['XLanguage'];
  /** `X-Time-Zone` of every request (e.g. `GMT+8`), unless a call sets its own. */
  timeZone?: components['parameters']['XTimeZone'];
  /** `X-Site` of every request: `0` Chinese mainland site, `1` international site. */
  site?: components['parameters']['XSite'];
  /** The fetch to send requests with. Default: the global fetch. */
  fetch?: OsmFetch;
  /**
   * Limit of one attempt, until the response body is read (for `parseAs: 'stream'`, until the headers
   * arrive). Exceeding it throws {@link OsmTimeoutError}. `Infinity` for none. Default 30,000 ms.
   */
  timeoutMs?: number;
  /** Retries of failed requests (GET only unless you list other methods); `false` for none. */
  retry?: RetryOptions | false;
  /** `User-Agent` of every request. Default: the runtime's. */
  userAgent?: string;
}

const DEFAULT_REGION = 'ap-southeast-3';
const DEFAULT_TIMEOUT_MS = 30_000;

/** What a call takes, before typing: openapi-fetch's options plus the client's. */
type CallInit = BuildInit & OsmCallOptions;

/**
 * Creates a client for every operation of the OSM Service Ticket API, typed from the spec.
 *
 * Each call resolves to `{ data, error, response }`: `error` is an {@link OsmError} for HTTP 4xx/5xx,
 * for HTTP 200 bodies carrying an `error_code`, and for answers that are not OSM's (a body that is not
 * JSON, an empty one, a redirect not followed); `data` is then absent, and otherwise is the operation's
 * result type. A request that gets no response throws {@link OsmNetworkError} or {@link OsmTimeoutError}
 * (after retries), or the caller's abort reason; one that cannot be built throws {@link OsmRequestError}.
 *
 * ```ts
 * const client = createOsmClient({ auth: { token: process.env.OSM_TOKEN! }, language: 'en-us' });
 * const { data, error } = await client.GET('/v2/servicerequest/cases/{case_id}/status', {
 *   params: { path: { case_id: 'CS20240101000001' } },
 * });
 * ```
 */
export function createOsmClient(options: OsmClientOptions = {}): OsmClient {
  const headers = { 'X-Language': options.language, 'X-Time-Zone': options.timeZone, 'X-Site': options.site, 'User-Agent': options.userAgent };
  checkHeaders(headers);
  const baseUrl = (options.baseUrl ?? `https://osm.${options.region ?? DEFAULT_REGION}.myhuaweicloud.com`).replace(/\/$/, '');
  const exchange = createTransport({
    fetch: options.fetch,
    auth: options.auth && resolveAuth(options.auth),
    crossOriginRedirect: options.crossOriginRedirect,
  });
  const plainQuery = querySerializerFor();

  const send = (method: OsmHttpMethod) => async (path: string, init: CallInit = {}): Promise<OsmResult<unknown>> => {
    const { timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retry, signal, ...fetchInit } = init;
    const params = fetchInit.params as { path?: Record<string, unknown>; header?: unknown } | undefined;
    if (path.includes('{')) checkPathParameters(path, params?.path);
    checkHeaders(fetchInit.headers);
    checkHeaders(params?.header);
    const traits = traitsOf(method, path);
    const parseAs: ParseAs = fetchInit.parseAs ?? (traits.binary ? 'blob' : 'json');
    const callerSignal = signal ?? undefined;
    const callInit = {
      querySerializer: traits.arrayQuery ? querySerializerFor(traits.arrayQuery) : plainQuery,
      ...(traits.multipart ? { bodySerializer: toFormData } : {}),
      ...fetchInit,
    };
    // JSON is parsed here, so that a body that is not JSON is an OsmError rather than a SyntaxError.
    const readAs: ParseAs = parseAs === 'json' ? 'text' : parseAs;

    return withRetries(retryPolicy(method, options.retry, retry), callerSignal, async () => {
      const deadline = startDeadline(timeoutMs, callerSignal, `${method} ${path}`);
      try {
        const request = buildRequest(baseUrl, method, path, headers, callInit);
        const response = await exchange(request, deadline.signal);
        const read = readResponse(response, readAs)
          .then((result) => toOsmResult(result, parseAs))
          // The headers came and the body did not: the connection broke while it was read.
          .catch((error: unknown) => {
            throw error instanceof OsmError || deadline.signal.aborted ? error : new OsmNetworkError(method, request.url, error, 'body');
          });
        // The global fetch stops reading a body when the signal aborts; a caller's fetch may not, so it is
        // raced, so that a body that never ends cannot outlive the deadline.
        return await (options.fetch ? untilAborted(read, deadline.signal) : read);
      } catch (error) {
        // Whatever broke once the signal aborted (fetch, or reading the body), the abort is the cause.
        throw deadline.signal.aborted ? deadline.signal.reason : error;
      } finally {
        deadline.clear();
      }
    });
  };

  return { GET: send('GET'), PUT: send('PUT'), POST: send('POST'), DELETE: send('DELETE') } as unknown as OsmClient;
}
