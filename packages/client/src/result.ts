import type { ParseAs } from 'openapi-fetch';
import type { OsmErrorBody, OsmResult } from './client-types.js';
import { OsmError } from './errors.js';

/** What openapi-fetch resolves to. */
interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

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

/**
 * Turns openapi-fetch's result into the client's: HTTP errors and HTTP 200 bodies with an `error_code`
 * become an OsmError in `error`; everything else is `data`.
 */
export async function toOsmResult(result: FetchResult, parseAs: ParseAs): Promise<OsmResult<unknown>> {
  const { response } = result;
  if (!response.ok) return { error: osmErrorFrom(result.error, response), response };
  if (parseAs === 'json') {
    return isOsmErrorBody(result.data) ? { error: osmErrorFrom(result.data, response), response } : { data: result.data, response };
  }
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
