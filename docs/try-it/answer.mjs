// Reads the answer to a "Try it" call into what the panel shows: the status, every header the browser
// lets the page read, and the body - JSON pretty-printed, text as it is, a file as its size with a link
// to save it - plus OSM's error, when the body is one, linked to its row of the error-code table.

const STATUS_TEXT = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * @returns {Promise<{ status: number, statusText: string, headers: [string, string][], body: string,
 *   file?: { type: string, size: number, href: string }, error?: { code: string, message: string } }>}
 */
export async function readAnswer(response) {
  const headers = [...response.headers].sort(([a], [b]) => a.localeCompare(b));
  const type = response.headers.get('content-type') ?? '';
  const statusText = response.statusText || STATUS_TEXT[response.status] || '';
  if (/json|^text\//i.test(type) || !type) {
    const text = await response.text();
    let body = text;
    let error;
    try {
      const json = JSON.parse(text);
      body = JSON.stringify(json, null, 2);
      if (json && typeof json.error_code === 'string' && json.error_code)
        error = { code: json.error_code, message: String(json.error_msg ?? '') };
    } catch {
      // not JSON: shown as the server sent it
    }
    return { status: response.status, statusText, headers, body, error };
  }
  const blob = await response.blob();
  return { status: response.status, statusText, headers, body: '', file: { type, size: blob.size, href: URL.createObjectURL(blob) } };
}
