// Who may use the proxy. The proxy holds the user's AK/SK and signs what it forwards, so it must not be a
// confused deputy for a web page the user happens to have open: a page on another origin (or on a domain
// rebound to 127.0.0.1) could otherwise send signed requests to OSM and read the answers. Unlike the plain
// mock (which holds no secret and answers any origin), proxy mode therefore:
// - sends no CORS headers, and refuses preflights, unless the origin was allowed (`--cors <origin>`);
// - refuses (403) any request carrying an `Origin` that was not allowed, before it is routed or forwarded,
//   and any a browser marks as coming from another site (`Sec-Fetch-Site`) without an allowed `Origin`;
// - refuses (403) a `Host` other than the one listened on, `localhost`, `127.0.0.1` or `[::1]` at the
//   listening port (DNS rebinding: a page of `attacker.example` whose name now points to 127.0.0.1).
// Every answer of proxy mode goes through `guard()`: the mock's steps, the drift report and the upstream's
// own answer (whose `Access-Control-*` headers are dropped) alike.
import type { MockResponse } from '../engine/types.js';

/** OSM's 403, in its error format. */
function forbidden(reason: string): MockResponse {
  return {
    status: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ error_code: 'OSM.0003', error_msg: `Forbidden: ${reason}` }),
  };
}

/** The origins of the `cors` option, normalized (`https://app.example`); throws a TypeError naming a bad one. */
export function allowedOrigins(origins: readonly string[] | undefined): string[] {
  return (origins ?? []).map((origin) => {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {}
    const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !origin.endsWith('#');
    if (!url || !bare || !/^https?:$/.test(url.protocol))
      throw new TypeError(`cors takes origins such as https://app.example (scheme, host and port only), got "${origin}"`);
    return url.origin;
  });
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);
/** An IP literal (`10.0.0.5`, `[fe80::1]`): never a name a page could have rebound. */
const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/** The proxy mode's guard of callers (see the top of this file). */
export class CallerGuard {
  readonly #origins: ReadonlySet<string>;
  #hosts = new Set<string>();
  #port = '';
  #anyIpLiteral = false;

  constructor(origins: readonly string[]) {
    this.#origins = new Set(origins);
  }

  /** Sets where the server listens; until then every request is refused (none can arrive anyway). */
  listening(host: string, port: number): void {
    this.#port = String(port);
    const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    this.#hosts = new Set([shown, 'localhost', '127.0.0.1', '[::1]'].map((name) => `${name.toLowerCase()}:${port}`));
    // Listening on every interface: the machine's own addresses, as IP literals, are not a rebound name.
    this.#anyIpLiteral = WILDCARD_HOSTS.has(host);
  }

  #hostAllowed(host: string | undefined): boolean {
    if (!host || !this.#port) return false;
    const name = host.trim().toLowerCase();
    if (this.#hosts.has(name)) return true;
    if (!this.#anyIpLiteral) return false;
    const colon = name.lastIndexOf(':');
    return colon > 0 && name.slice(colon + 1) === this.#port && IP_LITERAL.test(name.slice(0, colon));
  }

  /** A refusal for a request the proxy must not serve; undefined when it may go on. */
  check(method: string, headers: Readonly<Record<string, string | undefined>>): MockResponse | undefined {
    if (!this.#hostAllowed(headers.host))
      return forbidden(
        `the Host header must name this proxy (localhost, 127.0.0.1 or [::1] at port ${this.#port}); a page on another name may not use it`,
      );
    const origin = headers.origin;
    const preflight = method.toUpperCase() === 'OPTIONS' && headers['access-control-request-method'] !== undefined;
    if (origin !== undefined && !this.#origins.has(origin))
      return forbidden(
        `requests from the web origin ${JSON.stringify(origin.slice(0, 200))} are refused: the proxy signs with your credentials (allow an origin with --cors <origin>)`,
      );
    if (preflight && origin === undefined) return forbidden('a CORS preflight must carry an allowed Origin');
    const site = headers['sec-fetch-site'];
    if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none')
      return forbidden('requests a browser sends from another site are refused: the proxy signs with your credentials');
    return undefined;
  }

  /** The CORS headers for an answer to `origin` (none unless it was allowed). */
  corsHeaders(origin: string | undefined): Record<string, string> {
    if (origin === undefined || !this.#origins.has(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': '*',
      vary: 'origin',
    };
  }

  /**
   * `answer` with the CORS headers of proxy mode: the ones the engine (or the upstream) set are dropped,
   * the allowed origin's put in their place.
   */
  guard(answer: MockResponse, origin: string | undefined): MockResponse {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(answer.headers))
      if (!name.startsWith('access-control-') && !(name === 'vary' && /^\s*origin\s*$/i.test(value))) headers[name] = value;
    return { ...answer, headers: { ...headers, ...this.corsHeaders(origin) } };
  }
}
