import type { ParseAs } from 'openapi-fetch';
import { untilAborted } from './abortable.js';
import { type OsmAuthOption, resolveAuth } from './auth/auth-option.js';
import { heldSecretsOf } from './auth/held-secrets.js';
import { type BuildInit, buildRequest } from './build-request.js';
import type { OsmCallOptions, OsmClient, OsmResult } from './client-types.js';
import { startDeadline } from './deadline.js';
import { OsmError, OsmNetworkError, OsmRequestError } from './errors.js';
import { toFormData } from './form-data.js';
import type { components } from './generated/openapi.js';
import type { OsmHttpMethod } from './http-method.js';
import { traitsOf } from './operation-traits.js';
import type { OsmFetch } from './osm-fetch.js';
import { querySerializerFor } from './query-serializer.js';
import { readResponse } from './read-response.js';
import { createRedactor } from './redaction/redactor.js';
import { scrub } from './redaction/scrub.js';
import { type SentRequest, secretsSent } from './redaction/sent-secrets.js';
import { checkHeaders, checkNumberOption, checkOrigin, checkPathParameters, checkQuery, MAX_TIMER_MS } from './request-checks.js';
import { type BodyLimit, bodyTooLarge, toOsmResult } from './result.js';
import { checkRetryOptions, type RetryOptions, retryPolicy, withRetries } from './retry.js';
import { defaultSite } from './site.js';
import { type CrossOriginRedirect, createTransport } from './transport.js';

/** Options of {@link createOsmClient}. Every one is optional. */
export interface OsmClientOptions {
  /** Region of the endpoint `https://osm.{region}.myhuaweicloud.com`. Default `ap-southeast-3`. */
  region?: string;
  /** Base URL instead of the one `region` gives, e.g. a mock's. Paths already start with `/v2` or `/v1.0`. */
  baseUrl?: string;
  /**
   * How requests are authenticated; see {@link OsmAuthOption}. Default: not at all. Credentials go to the
   * client's origin only: a call whose URL is elsewhere (a per-call `baseUrl`) throws `OsmRequestError`.
   */
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
  /**
   * `X-Site` of every request: `0` Chinese mainland site, `1` international site. Default `1`, unless
   * `region` is a Chinese mainland one (`cn-*`) or `baseUrl` is on a mainland endpoint
   * (`osm.cn-*.myhuaweicloud.com`, `*.myhuaweicloud.cn`): there no header is sent, which OSM takes as `0`.
   */
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
  /**
   * Largest JSON response body read, counted after decompression as the bytes arrive; a larger one is
   * cancelled there and the call answers `CLIENT.BODY_TOO_LARGE`, not retried. Error answers of file
   * downloads count against it too. `Infinity` for none. Default 16 MiB: above the 12 MB a request
   * body may have, and far above any page of tickets.
   */
  maxJsonBytes?: number;
  /**
   * Largest file download (attachments, images, exports), counted the same way; a stream
   * (`as: 'stream'`) errors with the same `OsmError` where it passes it. Default 100 MiB: OSM states its
   * attachment size limit in two digits of MB (`showAccessoryLimits`), so any one attachment fits.
   */
  maxFileBytes?: number;
  /** `User-Agent` of every request. Default: the runtime's. */
  userAgent?: string;
}

const DEFAULT_REGION = 'ap-southeast-3';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_JSON_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_FILE_BYTES = 100 * 1024 * 1024;
/** Range of the time limits: a timer takes at most 2^31-1 ms (a larger one would fire at once). */
const TIMEOUT_RANGE = { min: 1, max: MAX_TIMER_MS };

/** What a call takes, before typing: openapi-fetch's options plus the client's. */
type CallInit = BuildInit & OsmCallOptions;

/** Refuses a `timeoutMs`, `maxJsonBytes`... out of range, naming it; `Infinity` is none. */
function checkLimit(name: string, value: number | undefined, range: { min: number; max: number }): void {
  if (value !== Number.POSITIVE_INFINITY) checkNumberOption(name, value, range);
}

/**
 * Creates a client for every operation of the OSM Service Ticket API, typed from the spec.
 *
 * Each call resolves to `{ data, error, response }`: `error` is an {@link OsmError} for HTTP 4xx/5xx,
 * for HTTP 200 bodies carrying an `error_code`, and for answers that are not OSM's (a body that is not
 * JSON, an empty or too large one, a redirect not followed); `data` is then absent, and otherwise is the
 * operation's result type. A request that gets no response throws {@link OsmNetworkError} or
 * {@link OsmTimeoutError} (after retries), or the caller's abort reason; one that cannot be built throws
 * {@link OsmRequestError}, before anything is sent. No error carries a credential the client holds or
 * sent, whatever the server echoes back.
 *
 * ```ts
 * const client = createOsmClient({ auth: { token: process.env.OSM_TOKEN! }, language: 'en-us' });
 * const { data, error } = await client.GET('/v2/servicerequest/cases/{case_id}/status', {
 *   params: { path: { case_id: 'CS20240101000001' } },
 * });
 * ```
 */
export function createOsmClient(options: OsmClientOptions = {}): OsmClient {
  checkLimit('timeoutMs', options.timeoutMs, TIMEOUT_RANGE);
  checkLimit('maxJsonBytes', options.maxJsonBytes, { min: 0, max: Number.MAX_SAFE_INTEGER });
  checkLimit('maxFileBytes', options.maxFileBytes, { min: 0, max: Number.MAX_SAFE_INTEGER });
  checkRetryOptions(options.retry);
  const region = options.region ?? DEFAULT_REGION;
  const baseUrl = (options.baseUrl ?? `https://osm.${region}.myhuaweicloud.com`).replace(/\/$/, '');
  const origin = originOf(baseUrl);
  const site = options.site ?? defaultSite(region, new URL(origin));
  const headers = { 'X-Language': options.language, 'X-Time-Zone': options.timeZone, 'X-Site': site, 'User-Agent': options.userAgent };
  checkHeaders(headers);
  const auth = options.auth && resolveAuth(options.auth);
  const exchange = createTransport({ fetch: options.fetch, auth, crossOriginRedirect: options.crossOriginRedirect });
  const plainQuery = querySerializerFor();

  const send =
    (method: OsmHttpMethod) =>
    async (path: string, init: CallInit = {}): Promise<OsmResult<unknown>> => {
      const { timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS, retry, signal, maxBodyBytes, ...fetchInit } = init;
      checkLimit('timeoutMs', timeoutMs, TIMEOUT_RANGE);
      checkLimit('maxBodyBytes', maxBodyBytes, { min: 0, max: Number.MAX_SAFE_INTEGER });
      const params = fetchInit.params as { path?: Record<string, unknown>; query?: unknown; header?: unknown } | undefined;
      if (path.includes('{')) checkPathParameters(path, params?.path);
      checkQuery(params?.query);
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
      // Every credential this call sends, with those the auth holds: redacted from any error it makes.
      const sent: SentRequest[] = [];
      const redactor = () => createRedactor(() => [...heldSecretsOf(auth), ...secretsSent(sent)]);

      try {
        return await withRetries(retryPolicy(method, options.retry, retry), callerSignal, async () => {
          const deadline = startDeadline(timeoutMs, callerSignal, `${method} ${path}`);
          try {
            const request = buildRequest(baseUrl, method, path, headers, callInit);
            if (auth) checkOrigin(request.url, origin);
            const response = await exchange(request, deadline.signal, sent);
            const redact = redactor();
            const limit = bodyLimit(response.ok && traits.binary === true, maxBodyBytes, options);
            const read = readResponse(response, readAs, limit.bytes, () => bodyTooLarge(response, limit, redact))
              .then((result) => toOsmResult(result, parseAs, redact, limit))
              // The headers came and the body did not: the connection broke while it was read.
              .catch((error: unknown) => {
                throw error instanceof OsmError || deadline.signal.aborted
                  ? error
                  : new OsmNetworkError(method, request.url, error, 'body');
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
      } catch (error) {
        // The caller's own abort reason is theirs, as it was; anything else may quote what a server sent.
        throw callerSignal?.aborted && error === callerSignal.reason ? error : scrub(error, redactor());
      }
    };

  return { GET: send('GET'), PUT: send('PUT'), POST: send('POST'), DELETE: send('DELETE') } as unknown as OsmClient;
}

/** The origin of the client's base URL; an OsmRequestError naming `baseUrl` when it is not a URL. */
function originOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).origin;
  } catch {
    throw new OsmRequestError('baseUrl is not a valid URL', 'baseUrl');
  }
}

/** The body limit of a response: a call's `maxBodyBytes`, else the client's for files or for JSON. */
function bodyLimit(isFile: boolean, maxBodyBytes: number | undefined, options: OsmClientOptions): BodyLimit {
  if (maxBodyBytes !== undefined) return { bytes: maxBodyBytes, option: 'maxBodyBytes' };
  return isFile
    ? { bytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, option: 'maxFileBytes' }
    : { bytes: options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES, option: 'maxJsonBytes' };
}
