// Sends one request to the upstream (node:http or node:https, by the upstream URL) and hands back its
// answer's head with the body as a stream, read by whoever answers the caller: nothing here holds a body.
// Every wait is bounded: the head must come within `headTimeoutMs`, the body may not stay silent longer
// than `idleTimeoutMs`, and the whole answer must be over within `totalTimeoutMs`. A failure of the
// upstream (refused, reset, timed out, malformed) is a value, never a throw, never a hang.
import { type ClientRequest, Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { UpstreamFailure } from './gateway-errors.js';
import type { UpstreamTimeouts } from './proxy-settings.js';

export const DEFAULT_TIMEOUTS: UpstreamTimeouts = { headTimeoutMs: 60_000, idleTimeoutMs: 30_000, totalTimeoutMs: 600_000 };

/** Largest response head taken from the upstream (Node's default is 16 KB; gateways send more). */
export const MAX_UPSTREAM_HEAD_BYTES = 64 * 1024;

/** A request for the upstream: the path and query as the caller sent them, headers final (signed). */
export interface UpstreamRequest {
  method: string;
  /** Path and query, percent-escapes untouched, e.g. `/v2/servicerequest/cases?limit=10`. */
  pathAndQuery: string;
  /** Final headers, names in lower case, `host` and `content-length` included. */
  headers: Record<string, string>;
  body?: Uint8Array;
}

/** The upstream's answer: its head, and its body still to be read. */
export interface UpstreamAnswer {
  ok: true;
  status: number;
  /** As Node parsed them: names in lower case, `set-cookie` an array. */
  headers: IncomingMessage['headers'];
  /** Emits `error` when the upstream resets, stalls or runs over its time while sending it. */
  body: IncomingMessage;
}

export type ForwardResult = UpstreamAnswer | { ok: false; failure: UpstreamFailure; detail: string };

/** Errors a connection can end with, in the words of the gateway's answer (no stack, no address). */
function failureOf(error: NodeJS.ErrnoException & { failure?: UpstreamFailure }): { failure: UpstreamFailure; detail: string } {
  if (error.failure) return { failure: error.failure, detail: error.message };
  const code = error.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE' || error.message === 'socket hang up')
    return { failure: 'reset', detail: 'the upstream closed the connection before answering' };
  if (code === 'HPE_HEADER_OVERFLOW')
    return { failure: 'too-large-head', detail: `the upstream's response head is larger than ${MAX_UPSTREAM_HEAD_BYTES / 1024} KB` };
  if (code.startsWith('HPE_')) return { failure: 'malformed', detail: `the upstream's answer is not well-formed HTTP (${code})` };
  if (/CERT|SSL|TLS/.test(code) || /certificate|ssl|tls/i.test(error.message))
    return { failure: 'unreachable', detail: `TLS with the upstream failed (${code || 'handshake'})` };
  return { failure: 'unreachable', detail: `the upstream could not be reached (${code || 'connection failed'})` };
}

/** An error that carries the failure it stands for (the timers' errors). */
function failing(failure: UpstreamFailure, message: string): Error {
  return Object.assign(new Error(message), { failure });
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** The upstream: where requests go, with its own pool of kept-alive connections. */
export class Upstream {
  readonly url: URL;
  readonly timeouts: UpstreamTimeouts;
  readonly #agent: HttpAgent;
  readonly #request: typeof httpRequest;

  constructor(url: string | URL, timeouts: Partial<UpstreamTimeouts> = {}) {
    this.url = new URL(url);
    if (this.url.protocol !== 'http:' && this.url.protocol !== 'https:')
      throw new TypeError(`the upstream must be an http: or https: URL, got ${this.url.protocol}`);
    // Node would send them as Basic authentication, and the URL is shown in the banner and the report.
    if (this.url.username || this.url.password)
      throw new TypeError('the upstream URL must not hold credentials (user:password@): the proxy takes them from OSM_* variables');
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
    const https = this.url.protocol === 'https:';
    // Idle connections are closed after 4 s, before a Node upstream closes them (its default is 5 s): a
    // request sent on a connection the upstream is closing fails, and only idempotent ones are sent again.
    const agentOptions = { keepAlive: true, maxSockets: 64, maxFreeSockets: 16, scheduling: 'lifo' as const, timeout: 4_000 };
    this.#agent = https ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    this.#request = https ? httpsRequest : httpRequest;
  }

  /** `host` as the upstream URL writes it (the port only when the URL has one): what a signature covers. */
  get host(): string {
    return this.url.host;
  }

  /** The full URL of `pathAndQuery` at the upstream (its own base path first). */
  urlOf(pathAndQuery: string): string {
    return `${this.url.origin}${this.url.pathname.replace(/\/$/, '')}${pathAndQuery}`;
  }

  /**
   * Sends `request`; resolves with the answer's head once it has come, or with the failure. When `signal`
   * aborts (the caller has gone), the upstream request is abandoned: its connection closed, its body too.
   */
  async forward(request: UpstreamRequest, signal?: AbortSignal): Promise<ForwardResult> {
    const first = await this.#send(request, signal);
    // A kept-alive connection the upstream closed as it was reused: the request never reached it.
    const retry =
      !first.ok && first.reusedSocket && first.failure === 'reset' && IDEMPOTENT.has(request.method.toUpperCase()) && !signal?.aborted;
    const result = retry ? await this.#send(request, signal) : first;
    return result.ok ? result : { ok: false, failure: result.failure, detail: result.detail };
  }

  #send(
    request: UpstreamRequest,
    signal: AbortSignal | undefined,
  ): Promise<UpstreamAnswer | { ok: false; failure: UpstreamFailure; detail: string; reusedSocket: boolean }> {
    const { timeouts } = this;
    const gone = 'the caller left before the upstream answered';
    if (signal?.aborted) return Promise.resolve({ ok: false, failure: 'reset', detail: gone, reusedSocket: false });
    return new Promise((resolve) => {
      let answered = false;
      let req: ClientRequest;
      const abandon = () => req.destroy(failing('reset', gone));
      const headTimer = setTimeout(
        () => req.destroy(failing('timeout', `no answer from the upstream within ${timeouts.headTimeoutMs / 1000} s`)),
        timeouts.headTimeoutMs,
      );
      const totalTimer = setTimeout(
        () => req.destroy(failing('timeout', `the upstream's answer took longer than ${timeouts.totalTimeoutMs / 1000} s`)),
        timeouts.totalTimeoutMs,
      );
      const done = () => {
        clearTimeout(headTimer);
        clearTimeout(totalTimer);
        signal?.removeEventListener('abort', abandon);
      };
      req = this.#request(this.urlOf(request.pathAndQuery), {
        method: request.method,
        headers: request.headers,
        agent: this.#agent,
        maxHeaderSize: MAX_UPSTREAM_HEAD_BYTES,
        // The caller's Host is not the upstream's: Node sets it from the URL unless the headers hold one.
        setHost: request.headers.host === undefined,
      });
      signal?.addEventListener('abort', abandon, { once: true });
      req.setTimeout(timeouts.idleTimeoutMs, () =>
        req.destroy(failing('timeout', `the upstream stayed silent for ${timeouts.idleTimeoutMs / 1000} s`)),
      );
      req.once('response', (res) => {
        answered = true;
        clearTimeout(headTimer);
        // The body's errors (reset, timers) reach whoever reads it; its end ends the timers.
        req.on('error', (error) => res.destroy(Object.assign(new Error(failureOf(error).detail), { failure: failureOf(error).failure })));
        res.once('close', done);
        resolve({ ok: true, status: res.statusCode ?? 502, headers: res.headers, body: res });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        done();
        resolve({ ok: false, ...failureOf(error), reusedSocket: req.reusedSocket });
      });
      req.end(request.body?.byteLength ? request.body : undefined);
    });
  }

  /** Closes the kept-alive connections. */
  close(): void {
    this.#agent.destroy();
  }
}
