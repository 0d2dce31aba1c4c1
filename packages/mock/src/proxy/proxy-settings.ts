// The public types of the \`proxy\` option, in a file of their own: startMock()'s published declarations
// import them, and a declaration file that imported the proxy's modules would pull in node:http and the
// engine's internals (Prism's types, not a dependency), which a consumer's type check cannot resolve.
import type { AkSkCredentials } from './credentials.js';

/** How long the proxy waits for the upstream. */
export interface UpstreamTimeouts {
  /** From sending the request to the whole response head. Default 60 s. */
  headTimeoutMs: number;
  /** How long the connection may stay silent (before or during the body). Default 30 s. */
  idleTimeoutMs: number;
  /** From sending the request to the last byte of the body. Default 10 min. */
  totalTimeoutMs: number;
}

/** Proxy mode's settings (`proxy: '<url>'` is `{ url: '<url>' }`). */
export interface ProxySettings {
  /** The OSM endpoint to forward to, e.g. `https://osm.ap-southeast-3.myhuaweicloud.com`. */
  url: string;
  /** Refuse invalid requests with OSM's 400 `OSM.0001` instead of forwarding them. Default false. */
  errors?: boolean;
  /** Write every exchange the upstream answered as a redacted contract-test fixture under this folder. */
  record?: string;
  /** Write the drift report at close: `<report>` as JSON and beside it the same name ending in `.md`. */
  report?: string;
  /** Waits on the upstream, in ms: `headTimeoutMs` (60 s), `idleTimeoutMs` (30 s), `totalTimeoutMs` (10 min). */
  timeouts?: Partial<UpstreamTimeouts>;
  /** Credentials to re-sign AK/SK requests with. Default: from `OSM_AK`, `OSM_SK`, `OSM_DOMAIN_ID`, `OSM_SECURITY_TOKEN`. */
  credentials?: AkSkCredentials;
  /**
   * Web origins (`https://app.example`) whose pages may call the proxy. Default none: proxy mode sends no
   * CORS headers and refuses (403) preflights and requests carrying another `Origin`, since it signs with
   * your credentials (the plain mock, which holds none, answers every origin).
   */
  cors?: readonly string[];
}

export type ProxyOption = string | ProxySettings;
