// Sends a request in the fixture format as it is - no client, no serializer second-guessing it - so
// that deliberately invalid requests reach the server exactly as built.
import type { FixtureRequest } from './fixtures.js';

/** The response, with the body parsed as JSON when it is JSON. */
export interface RawResponse {
  status: number;
  contentType: string | undefined;
  body: unknown;
}

function urlOf(baseUrl: string, request: FixtureRequest): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(request.query)) {
    for (const item of Array.isArray(value) ? value : [value]) query.append(name, item);
  }
  const search = query.toString();
  return `${baseUrl}${request.path}${search ? `?${search}` : ''}`;
}

function bodyOf(request: FixtureRequest, fileFields: ReadonlySet<string>): { body?: BodyInit; headers: Record<string, string> } {
  const headers = { ...request.headers };
  if (request.body === undefined) return { headers };
  if (headers['content-type']?.startsWith('multipart/form-data')) {
    // fetch writes the Content-Type with its boundary itself.
    delete headers['content-type'];
    const form = new FormData();
    for (const [name, value] of Object.entries(request.body as Record<string, unknown>)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      if (fileFields.has(name)) form.append(name, new Blob([text]), `${name}.txt`);
      else form.append(name, text);
    }
    return { body: form, headers };
  }
  return { body: JSON.stringify(request.body), headers };
}

/**
 * Sends the request to `baseUrl` and reads the whole response. A multipart body's `fileFields` go as
 * file parts, its other fields as text parts.
 */
export async function sendRaw(baseUrl: string, request: FixtureRequest, fileFields: ReadonlySet<string> = new Set()): Promise<RawResponse> {
  const { body, headers } = bodyOf(request, fileFields);
  const response = await fetch(urlOf(baseUrl, request), { method: request.method, headers, ...(body === undefined ? {} : { body }) });
  const contentType = response.headers.get('content-type') ?? undefined;
  const text = await response.text();
  let parsed: unknown = text;
  if (contentType?.includes('json')) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: response.status, contentType, body: parsed };
}
