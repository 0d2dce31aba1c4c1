// Turns what a reader typed into a "Try it" panel into the fetch() call the panel sends: the path with its
// parameters, the query, the headers (one `Name: value` a line) and the body, sent as typed so that the
// server - not the page - judges it (a body that is not JSON gets OSM's 400 from the mock).

/** A problem in what the reader typed, shown next to the Send button; nothing is sent. */
export class InputError extends Error {}

/** The headers of a `Name: value` per line text; blank lines are skipped, a line without a name is refused. */
export function parseHeaders(text) {
  const headers = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    const match = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match) throw new InputError(`Header line ${index + 1} is not "Name: value": ${line.trim()}`);
    headers.push([match[1], match[2]]);
  }
  return headers;
}

/** The headers text with its `Prefer` line replaced by `Prefer: example=<name>`, or removed for none. */
export function withPreferExample(text, name) {
  const lines = text.split('\n').filter((line) => line.trim() && !/^\s*prefer\s*:/i.test(line));
  return [...lines, ...(name ? [`Prefer: example=${name}`] : [])].join('\n');
}

/** The example name a headers text asks for with `Prefer: example=<name>`, or ''. */
export function preferredExample(text) {
  return /^\s*prefer\s*:.*\bexample=([^\s,;]+)/im.exec(text)?.[1] ?? '';
}

/**
 * The URL and fetch() options of one call.
 * @param {{ method: string, path: string, body?: { mediaType: string } }} operation the panel's operation
 * @param {{ base: string, path: Record<string, string>, query: Record<string, string>, headers: string,
 *   body?: string, fields?: Record<string, string | File> }} input what the reader typed; `base` is the
 *   server's URL (its path is kept: `http://host/osm-openapi/mock/`)
 */
export function buildRequest(operation, input) {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name) => {
    const value = input.path[name] ?? '';
    if (!value) throw new InputError(`The path parameter ${name} is empty.`);
    return encodeURIComponent(value);
  });
  const query = Object.entries(input.query)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  const url = `${input.base.replace(/\/+$/, '')}${path}${query.length ? `?${query.join('&')}` : ''}`;
  const headers = new Headers(parseHeaders(input.headers));
  const init = { method: operation.method, headers };
  if (operation.body?.mediaType === 'multipart/form-data') {
    const form = new FormData();
    for (const [name, value] of Object.entries(input.fields ?? {})) form.append(name, value);
    init.body = form; // fetch writes the multipart Content-Type with its boundary
    headers.delete('content-type');
  } else if (operation.body && input.body !== undefined) {
    init.body = input.body;
  }
  return { url, init };
}
