// Every answer carries CORS headers (errors included) and preflights are answered, so a browser app on
// another origin can call the mock and read what it says. The same headers as Prism's CLI sends.

/** The CORS headers of an answer to a request from `origin` (absent or empty: any origin). */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    'access-control-allow-origin': origin || '*',
    'access-control-allow-headers': '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
    ...(origin ? { vary: 'origin' } : {}),
  };
}

/** The extra headers of a preflight answer: the method and headers the browser asked for. */
export function preflightHeaders(requestMethod: string, requestHeaders: string | undefined): Record<string, string> {
  return {
    'access-control-allow-methods': requestMethod,
    ...(requestHeaders ? { 'access-control-allow-headers': requestHeaders } : {}),
  };
}
