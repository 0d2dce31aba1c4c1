import type { ParseAs } from 'openapi-fetch';
import { BodyTooLarge, declaredWithin, limitedStream, readBodyBytes } from './read-body.js';

/**
 * A response read as openapi-fetch reads it: `data` when it is OK, `error` (its JSON, else its text) when
 * not; `tooLarge` instead of either when the body passed its limit.
 */
export interface ReadResponse {
  data?: unknown;
  error?: unknown;
  tooLarge?: BodyTooLarge;
  response: Response;
}

const decoder = new TextDecoder();

/** The bytes of a body as `parseAs` asks (`text` decoded as UTF-8, as fetch does; the client reads JSON as text). */
function asParsed(bytes: Uint8Array<ArrayBuffer>, parseAs: ParseAs, response: Response): unknown {
  switch (parseAs) {
    case 'arrayBuffer':
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
    case 'blob':
      return new Blob([bytes], { type: response.headers.get('content-type') ?? '' });
    default:
      return decoder.decode(bytes);
  }
}

/**
 * Reads the body of `response` as openapi-fetch does - nothing for a 204 or an empty body, the body as
 * `parseAs` says when it is OK (`stream`: handed over unread), else its text, parsed as JSON when it is -
 * but never more than `limit` bytes: a longer body is cancelled where it passes the limit, and a stream
 * errors there with `tooLarge()`.
 */
export async function readResponse(response: Response, parseAs: ParseAs, limit: number, tooLarge: () => Error): Promise<ReadResponse> {
  const length = response.headers.get('content-length');
  if (response.status === 204 || (length === '0' && !response.headers.get('transfer-encoding')?.includes('chunked'))) {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok && parseAs === 'stream') return { data: limitedStream(response, limit, tooLarge), response };
  let text: string;
  if (declaredWithin(response, limit)) {
    // The common case, at no cost: the declared length bounds the body, so it is read as fetch reads it.
    if (response.ok) return { data: await response[parseAs as Exclude<ParseAs, 'stream'>](), response };
    text = await response.text();
  } else {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = await readBodyBytes(response, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) return { tooLarge: error, response };
      throw error;
    }
    if (response.ok) return { data: asParsed(bytes, parseAs, response), response };
    text = decoder.decode(bytes);
  }
  try {
    return { error: JSON.parse(text), response };
  } catch {
    return { error: text, response };
  }
}
