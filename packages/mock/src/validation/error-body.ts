// OSM's error bodies: `{error_code, error_msg}`, with HTTP 200 for a business error (spec/README.md,
// "200 responses"). Their `error_code` tells an error from a result, and the proxy's reading of
// `default` (the API gateway's APIGW.* failures) by it.

/** The body's `error_code` (any type), or undefined when it is not an object or has none. */
export function errorCodeOf(body: unknown): unknown {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>).error_code : undefined;
}

/** Whether a body says it is an error: a non-empty string `error_code`, OSM's own rule. */
export function saysError(body: unknown): boolean {
  const code = errorCodeOf(body);
  return typeof code === 'string' && code !== '';
}
