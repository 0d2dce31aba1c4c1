import type { ParseAs } from 'openapi-fetch';
import type { OsmErrorBody, OsmResult } from './client-types.js';
import { type OsmClientErrorCode, OsmError } from './errors.js';
import type { ReadResponse } from './read-response.js';


/** True for a body carrying a non-empty `error_code`: OSM's way of failing, with any HTTP status. */
function isOsmErrorBody(body: unknown): body is OsmErrorBody {
  const code = (body as { error_code?: unknown } | null)?.error_code;
  return typeof body === 'object' && typeof code === 'string' && code !== '';
}

/** The OsmError a response stands for: its OSM error body, or `HTTP.<status>` when it has none. */
function osmErrorFrom(body: unknown, response: Response): OsmError {
  const headerRequestId = response.headers.get('x-request-id') ?? undefined;
  if (isOsmErrorBody(body)) {
    return new OsmError({
      code: body.error_code,
      message: typeof body.error_msg === 'string' ? body.error_msg : body.error_code,
      httpStatus: response.status,
      requestId: body.request_id ?? headerRequestId,
    });
  }
  return new OsmError({
    code: `HTTP.${response.status}`,
    message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    httpStatus: response.status,
    requestId: headerRequestId,
  });
}

/** An OsmError for an answer that is not OSM's, with the status and request ID of the response. */
function clientError(code: OsmClientErrorCode, message: string, response: Response): OsmError {
  return new OsmError({ code, message, httpStatus: response.status, requestId: response.headers.get('x-request-id') ?? undefined });
}

/** The start of a body, printable, to say what came instead of JSON (an HTML error page, usually). */
function snippet(text: string): string {
  const start = text.slice(0, 120).replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return JSON.stringify(text.length > 120 ? `${start}...` : start);
}

/** A 3xx the transport did not follow (another origin, too many hops), or a browser's opaque redirect. */
function isUnfollowedRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** The error of an unfollowed redirect, naming the origin it pointed to when there is one to read. */
function redirectRefused(response: Response): OsmError {
  const location = response.headers.get('location');
  let target = '';
  try {
    if (location) target = ` to ${new URL(location, response.url).origin}`;
  } catch {
    // No readable origin to name.
  }
  return clientError('CLIENT.REDIRECT_REFUSED', `HTTP ${response.status} redirect${target} not followed (see crossOriginRedirect)`, response);
}

/** The JSON body of a successful response as data, or the OsmError it stands for. */
function fromJsonText(text: unknown, response: Response): OsmResult<unknown> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { error: clientError('CLIENT.EMPTY_BODY', `HTTP ${response.status} with an empty body`, response), response };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { error: clientError('CLIENT.INVALID_BODY', `HTTP ${response.status} body is not JSON: ${snippet(text)}`, response), response };
  }
  return isOsmErrorBody(body) ? { error: osmErrorFrom(body, response), response } : { data: body, response };
}

/**
 * Turns a read response into the client's result: HTTP errors, HTTP 200 bodies with an `error_code`, and
 * answers that are not OSM's (not JSON, empty, a redirect not followed) become an OsmError in `error`;
 * everything else is `data`. For `parseAs: 'json'`, the response was read as text.
 */
export async function toOsmResult(result: ReadResponse, parseAs: ParseAs): Promise<OsmResult<unknown>> {
  const { response } = result;
  if (isUnfollowedRedirect(response)) return { error: redirectRefused(response), response };
  if (!response.ok) return { error: osmErrorFrom(result.error, response), response };
  if (parseAs === 'json') return fromJsonText(result.data, response);
  if (!/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) return { data: result.data, response };
  // A file operation answered in JSON: a business error. Blob, text and buffer can be read twice; a
  // stream cannot, so it is handed back re-made from the text.
  const text = await new Response(result.data as BodyInit | null).text();
  const body = parseJson(text);
  if (isOsmErrorBody(body)) return { error: osmErrorFrom(body, response), response };
  return { data: parseAs === 'stream' ? new Response(text).body : result.data, response };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
