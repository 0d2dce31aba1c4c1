import type { ParseAs } from 'openapi-fetch';

/** A response read as openapi-fetch reads it: `data` when it is OK, `error` (its JSON, else its text) when not. */
export interface ReadResponse {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Reads the body of `response` as openapi-fetch does: nothing for a 204 or an empty body, the body as
 * `parseAs` says when it is OK (`stream`: not read), else its text, parsed as JSON when it is.
 */
export async function readResponse(response: Response, parseAs: ParseAs): Promise<ReadResponse> {
  const length = response.headers.get('content-length');
  if (response.status === 204 || (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) return { data: parseAs === 'stream' ? response.body : await response[parseAs](), response };
  const text = await response.text();
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}
