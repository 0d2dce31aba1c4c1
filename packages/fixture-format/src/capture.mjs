// Turns the Request the client sent and the Response it got into the fixture format, reading clones so
// the client still gets untouched ones.

// Headers that say nothing about the API: connection handling, the date, and what the mock adds (CORS,
// Prism's own list of violations).
const VOLATILE_RESPONSE_HEADERS = /^(date|connection|keep-alive|transfer-encoding|content-length|access-control-.*|sl-violations)$/i;

const isJson = (contentType) => /^application\/([\w.-]+\+)?json\b/i.test(contentType ?? '');
const isText = (contentType) => /^text\//i.test(contentType ?? '');

/** `?a=1&b=2&b=3` -> `{ a: '1', b: ['2', '3'] }` (decoded). */
function queryOf(url) {
  const query = {};
  for (const [name, value] of url.searchParams) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return query;
}

/** The fixture's request: path relative to the base URL, decoded query, headers, parsed body. */
export async function snapshotRequest(request, baseUrl) {
  const url = new URL(request.url);
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const headers = Object.fromEntries(request.headers);
  const contentType = headers['content-type'];
  let body;
  if (request.body) {
    if (/^multipart\/form-data/i.test(contentType ?? '')) {
      // The boundary is random; the parts are what matter. File parts are kept as their text.
      headers['content-type'] = 'multipart/form-data';
      body = {};
      for (const [name, value] of await request.clone().formData()) {
        body[name] = typeof value === 'string' ? value : await value.text();
      }
    } else {
      const text = await request.clone().text();
      body = isJson(contentType) ? JSON.parse(text) : text;
    }
  }
  return {
    method: request.method,
    path: url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname,
    query: queryOf(url),
    headers,
    ...(body === undefined ? {} : { body }),
  };
}

/** The fixture's response: status, the headers that matter, the body parsed (JSON), as text, or base64. */
export async function snapshotResponse(response) {
  const headers = Object.fromEntries([...response.headers].filter(([name]) => !VOLATILE_RESPONSE_HEADERS.test(name)));
  const contentType = headers['content-type'];
  const bytes = Buffer.from(await response.clone().arrayBuffer());
  const snapshot = { status: response.status, headers };
  if (bytes.length === 0) return snapshot;
  if (isJson(contentType)) {
    try {
      return { ...snapshot, body: JSON.parse(bytes.toString('utf8')) };
    } catch {
      return { ...snapshot, body: bytes.toString('utf8') };
    }
  }
  if (isText(contentType)) return { ...snapshot, body: bytes.toString('utf8') };
  return { ...snapshot, body: bytes.toString('base64'), bodyEncoding: 'base64' };
}

/**
 * A fetch for the client that remembers the exchange it carried. `take()` returns the last exchange
 * and forgets it.
 */
export function capturingFetch(baseUrl, fetch = globalThis.fetch) {
  let last;
  return {
    fetch: async (request) => {
      const requestSnapshot = await snapshotRequest(request, baseUrl);
      const response = await fetch(request);
      last = { request: requestSnapshot, response: await snapshotResponse(response) };
      return response;
    },
    take() {
      const exchange = last;
      last = undefined;
      return exchange;
    },
  };
}
