import type { ParseAs } from 'openapi-fetch';
import type { OsmErrorBody, OsmResult } from './client-types.js';
import { type OsmClientErrorCode, OsmError, type OsmErrorInit } from './errors.js';
import type { ReadResponse } from './read-response.js';
import type { Redact } from './redaction/redactor.js';

/** How much of a body that is not JSON an error quotes. */
const SNIPPET_LENGTH = 120;

/** True for a body carrying a non-empty `error_code`: OSM's way of failing, with any HTTP status. */
function isOsmErrorBody(body: unknown): body is OsmErrorBody {
  const code = (body as { error_code?: unknown } | null)?.error_code;
  return typeof body === 'object' && typeof code === 'string' && code !== '';
}

/**
 * Makes the errors of one response: every text that came from the server (code, message, request ID,
 * status text, a quoted body) goes through `redact`, since a server may echo a credential in any of them.
 */
function errorsOf(response: Response, redact: Redact) {
  // Read only when an error is made: a call that succeeds pays nothing for it.
  const headerRequestId = () => response.headers.get('x-request-id') ?? undefined;
  const make = (init: OsmErrorInit) =>
    new OsmError({
      code: redact(init.code),
      message: redact(init.message),
      httpStatus: init.httpStatus,
      requestId: init.requestId === undefined ? undefined : redact(init.requestId),
    });

  return {
    /** The OsmError a response stands for: its OSM error body, or `HTTP.<status>` when it has none. */
    fromBody(body: unknown): OsmError {
      if (isOsmErrorBody(body)) {
        return make({
          code: body.error_code,
          message: typeof body.error_msg === 'string' ? body.error_msg : body.error_code,
          httpStatus: response.status,
          requestId: typeof body.request_id === 'string' ? body.request_id : headerRequestId(),
        });
      }
      const statusText = response.statusText ? ` ${response.statusText}` : '';
      return make({
        code: `HTTP.${response.status}`,
        message: `HTTP ${response.status}${statusText}`,
        httpStatus: response.status,
        requestId: headerRequestId(),
      });
    },

    /** An OsmError for an answer that is not OSM's, with the status and request ID of the response. */
    client(code: OsmClientErrorCode, message: string): OsmError {
      return make({ code, message, httpStatus: response.status, requestId: headerRequestId() });
    },

    /**
     * The start of a body, printable, to say what came instead of JSON (an HTML error page, usually). Redacted
     * before it is cut, over as much more as the longest secret could reach, so no secret is cut in half.
     */
    snippet(text: string): string {
      const start = redact(text.slice(0, SNIPPET_LENGTH + 64 * 1024))
        .slice(0, SNIPPET_LENGTH)
        .replace(/[\u0000-\u001f\u007f]+/g, ' ');
      return JSON.stringify(text.length > SNIPPET_LENGTH ? `${start}...` : start);
    },
  };
}

type ResponseErrors = ReturnType<typeof errorsOf>;

/** A 3xx the transport did not follow (another origin, too many hops), or a browser's opaque redirect. */
function isUnfollowedRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** The error of an unfollowed redirect, naming the origin it pointed to when there is one to read. */
function redirectRefused(response: Response, errors: ResponseErrors): OsmError {
  const location = response.headers.get('location');
  let target = '';
  try {
    if (location) target = ` to ${new URL(location, response.url).origin}`;
  } catch {
    // No readable origin to name.
  }
  return errors.client('CLIENT.REDIRECT_REFUSED', `HTTP ${response.status} redirect${target} not followed (see crossOriginRedirect)`);
}

/** The JSON body of a successful response as data, or the OsmError it stands for. */
function fromJsonText(text: unknown, response: Response, errors: ResponseErrors): OsmResult<unknown> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { error: errors.client('CLIENT.EMPTY_BODY', `HTTP ${response.status} with an empty body`), response };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: errors.client('CLIENT.INVALID_BODY', `HTTP ${response.status} body is not JSON: ${errors.snippet(text)}`), response };
  }
  return isOsmErrorBody(body) ? { error: errors.fromBody(body), response } : { data: body, response };
}

/** The size limit of a call's response body, and the option that sets it (named in the error). */
export interface BodyLimit {
  bytes: number;
  option: 'maxJsonBytes' | 'maxFileBytes' | 'maxBodyBytes';
}

/** The error of a body that passed its limit; not retried. */
export function bodyTooLarge(response: Response, limit: BodyLimit, redact: Redact): OsmError {
  const message = `HTTP ${response.status} body is larger than ${limit.bytes} bytes (${limit.option}); the rest was not read`;
  return errorsOf(response, redact).client('CLIENT.BODY_TOO_LARGE', message);
}

/**
 * Turns a read response into the client's result: HTTP errors, HTTP 200 bodies with an `error_code`, and
 * answers that are not OSM's (not JSON, empty, too large, a redirect not followed) become an OsmError in
 * `error`, its every text redacted; everything else is `data`. For `parseAs: 'json'`, the response was
 * read as text.
 */
export async function toOsmResult(result: ReadResponse, parseAs: ParseAs, redact: Redact, limit: BodyLimit): Promise<OsmResult<unknown>> {
  const { response } = result;
  const errors = errorsOf(response, redact);
  if (isUnfollowedRedirect(response)) return { error: redirectRefused(response, errors), response };
  if (result.tooLarge) return { error: bodyTooLarge(response, limit, redact), response };
  if (!response.ok) return { error: errors.fromBody(result.error), response };
  if (parseAs === 'json') return fromJsonText(result.data, response, errors);
  if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return { data: result.data, response };
  // A file operation answered in JSON: a business error. Blob, text and buffer can be read twice; a
  // stream cannot, so it is handed back re-made from the text.
  let text: string;
  try {
    text = await new Response(result.data as BodyInit | null).text();
  } catch (error) {
    if (error instanceof OsmError) return { error, response }; // a stream past its limit
    throw error;
  }
  const body = parseJson(text);
  if (isOsmErrorBody(body)) return { error: errors.fromBody(body), response };
  return { data: parseAs === 'stream' ? new Response(text).body : result.data, response };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
