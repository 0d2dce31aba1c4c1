// The proxy: one exchange at a time, a request the engine has routed (and checked) goes to the upstream,
// re-signed when the caller signed it with AK/SK, and the upstream's answer comes back checked against
// the spec, with its violations in `x-osm-violations` and in the drift log. JSON answers up to
// `maxCheckedBodyBytes` are read whole before answering (their check is in the header); larger ones and
// files are streamed through as they come, with their status, type and headers checked. Memory held for
// checks is bounded per exchange and over all of them (`maxHeldBytes`); every wait on the upstream is bounded.

import { isJson, mediaTypeOf } from '../engine/media-type.js';
import { type AkSkCredentials, callerSecrets, secretsOf } from './credentials.js';
import { DriftLog } from './drift.js';
import { type ForwardResult, Upstream } from './forward.js';
import { gatewayError, type UpstreamFailure } from './gateway-errors.js';
import { endToEnd } from './hop-by-hop.js';
import type { UpstreamTimeouts } from './proxy-settings.js';
import { readPrefix } from './read-prefix.js';
import { isSigned, type Resigner, resigner } from './resign.js';
import { type OperationRef, ResponseValidator } from './response-validator.js';
import type { DriftViolation } from './violations.js';
import { VIOLATIONS_HEADER, violationsHeader } from './violations-header.js';

/** Options of {@link createProxy}. */
export interface ProxyOptions {
  /** The upstream's base URL, e.g. `https://osm.ap-southeast-3.myhuaweicloud.com`. */
  upstream: string;
  /** AK/SK credentials to re-sign AK/SK requests with (see credentials.ts: from `OSM_*`). */
  credentials?: AkSkCredentials;
  /** Waits on the upstream (forward.ts). */
  timeouts?: Partial<UpstreamTimeouts>;
  /** JSON bodies up to this size are read whole and checked before answering. Default 4 MiB. */
  maxCheckedBodyBytes?: number;
  /**
   * Bytes held for checks over all exchanges at once, from the first byte read until the caller has been
   * given them (or has gone); beyond, bodies are streamed unchecked. Default 64 MiB.
   */
  maxHeldBytes?: number;
}

/** A routed request, as the proxy takes it. */
export interface ProxyRequest {
  operation: OperationRef & { operationId: string };
  method: string;
  /** Path and query as sent, percent-escapes untouched. */
  url: string;
  /** Names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body?: Uint8Array;
  /** What the engine found wrong with the request (reported, the request still forwarded). */
  requestViolations?: readonly DriftViolation[];
  /** Aborted when the caller has gone: the upstream request is abandoned, and bytes held for it released. */
  signal?: AbortSignal;
}

/** The answer to give the caller. */
export interface ProxyAnswer {
  status: number;
  /** Names in lower case; `set-cookie` may be a list. */
  headers: Record<string, string | string[]>;
  /** Bytes read whole, or the upstream's body still streaming (it throws if the upstream fails midway). */
  body?: Uint8Array | AsyncIterable<Uint8Array>;
  violations: DriftViolation[];
  /** Whether the body was read whole and checked. */
  bodyChecked: boolean;
  /** The upstream gave no answer: this is the proxy's APIGW.* error. */
  upstreamFailure?: UpstreamFailure;
  /** Secrets of the exchange (the caller's credentials, the proxy's), for whoever logs or records it. */
  secrets: readonly string[];
}

/** A proxy bound to one upstream and one spec. */
export interface UpstreamProxy {
  readonly upstream: string;
  /** Whether AK/SK requests are re-signed (credentials were given). */
  readonly resigns: boolean;
  readonly drift: DriftLog;
  /**
   * The path and query (relative to the upstream's base path) that reach the upstream for a request
   * routed by `path`, as the WHATWG URL parser of the forwarder and the signer makes them; undefined when
   * that parser would make the path another (a `\\`, a dot segment, a character it encodes: the engine
   * hands over paths already parsed this way, so this is a guard, never the usual case).
   */
  sends(path: string, search: string): string | undefined;
  exchange(request: ProxyRequest): Promise<ProxyAnswer>;
  close(): void;
}

const MiB = 1024 * 1024;
const NO_BODY_STATUS = new Set([204, 304]);

/** Makes a proxy to `options.upstream` for `document` (the bundled spec). */
export function createProxy(document: object, options: ProxyOptions): UpstreamProxy {
  const upstream = new Upstream(options.upstream, options.timeouts);
  const validator = new ResponseValidator(document);
  const sign: Resigner | undefined = options.credentials ? resigner(options.credentials) : undefined;
  const ownSecrets = secretsOf(options.credentials);
  const info = (document as { info?: { title?: string; version?: string } }).info ?? {};
  const drift = new DriftLog(upstream.url.origin, { title: info.title ?? '', version: info.version ?? '' }, ownSecrets);
  const maxChecked = options.maxCheckedBodyBytes ?? 4 * MiB;
  const maxHeld = options.maxHeldBytes ?? 64 * MiB;
  let held = 0;

  const failed = (
    request: ProxyRequest,
    failure: UpstreamFailure,
    detail: string,
    violations: DriftViolation[],
    secrets: readonly string[],
  ): ProxyAnswer => {
    const { status, body } = gatewayError(failure, detail);
    // A caller that left is not the upstream's failure: nothing to report.
    if (!request.signal?.aborted) drift.record({ ...request.operation, status, violations, upstreamFailure: true, secrets });
    const bytes = Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'content-length': String(bytes.byteLength) };
    const summary = violationsHeader(violations, secrets);
    if (summary) headers[VIOLATIONS_HEADER] = summary;
    return { status, headers, body: bytes, violations, bodyChecked: false, upstreamFailure: failure, secrets };
  };

  async function exchange(request: ProxyRequest): Promise<ProxyAnswer> {
    const method = request.method.toUpperCase();
    const secrets = [...ownSecrets, ...callerSecrets(request.headers)];
    const requestViolations = [...(request.requestViolations ?? [])];
    let headers: Record<string, string> = endToEnd(request.headers, ['host', 'content-length', 'accept-encoding', 'expect']) as Record<
      string,
      string
    >;
    // Bodies are checked as sent: ask for them uncompressed.
    headers['accept-encoding'] = 'identity';
    if (request.body?.byteLength) headers['content-length'] = String(request.body.byteLength);
    if (sign && isSigned(request.headers)) headers = sign(method, upstream.urlOf(request.url), headers, request.body);

    const forwarded: ForwardResult = await upstream.forward(
      { method, pathAndQuery: request.url, headers, body: request.body },
      request.signal,
    );
    if (!forwarded.ok) return failed(request, forwarded.failure, forwarded.detail, requestViolations, secrets);
    forwarded.body.on('error', () => undefined); // read (and its errors taken) by whoever answers

    // The upstream's own `x-osm-violations`, if it sends one, is not passed on as the proxy's finding.
    const answerHeaders = endToEnd(forwarded.headers, [VIOLATIONS_HEADER]) as Record<string, string | string[]>;
    const mediaType = mediaTypeOf(answerHeaders['content-type']);
    const encoded = (answerHeaders['content-encoding'] ?? 'identity') !== 'identity';
    const noBody = method === 'HEAD' || NO_BODY_STATUS.has(forwarded.status) || forwarded.status < 200;
    const declared = Number(answerHeaders['content-length'] ?? Number.NaN);
    const checkable = !noBody && !encoded && isJson(mediaType) && !(declared > maxChecked);

    let body: ProxyAnswer['body'];
    let checked: { bytes: Uint8Array } | { unread: true } | { none: true };
    if (noBody) {
      forwarded.body.resume();
      // A HEAD answer has the GET's headers and no body by definition: its body is not for the spec to judge.
      checked = method === 'HEAD' ? { unread: true } : { none: true };
    } else if (checkable) {
      // The bytes read for the check stay held until the caller has been given them (the body read to its
      // end, or given up), or the caller has gone: only then is their share of `maxHeldBytes` returned.
      const hold = holding(request.signal);
      try {
        const prefix = await readPrefix(forwarded.body, maxChecked, (bytes) => {
          if (held + bytes > maxHeld) return false;
          held += bytes;
          hold.mine += bytes;
          return true;
        });
        // A caller gone before the listener was there (or while the body was read) is not written to.
        if (request.signal?.aborted) hold.release();
        if (prefix.complete) {
          body = releasedAtEnd([prefix.bytes], undefined, hold.release);
          checked = prefix.bytes.byteLength ? { bytes: prefix.bytes } : { none: true };
          answerHeaders['content-length'] = String(prefix.bytes.byteLength);
        } else {
          body = releasedAtEnd(prefix.chunks, forwarded.body, hold.release);
          checked = { unread: true };
        }
      } catch (error) {
        hold.release();
        // The forwarder's own errors say what happened in its words; Node's ("aborted") are put in ours.
        const failure = (error as { failure?: UpstreamFailure }).failure;
        if (failure) return failed(request, failure, (error as Error).message, requestViolations, secrets);
        return failed(request, 'reset', 'the upstream closed the connection in the middle of its answer', requestViolations, secrets);
      }
    } else {
      body = forwarded.body;
      checked = { unread: true };
    }

    const violations = [
      ...requestViolations,
      ...validator.check(request.operation, { status: forwarded.status, headers: answerHeaders, body: checked }),
    ];
    const summary = violationsHeader(violations, secrets);
    if (summary) answerHeaders[VIOLATIONS_HEADER] = summary;
    const bodyChecked = 'bytes' in checked || 'none' in checked;
    drift.record({ ...request.operation, status: forwarded.status, violations, bodyNotChecked: !bodyChecked, secrets });
    return { status: forwarded.status, headers: answerHeaders, body, violations, bodyChecked, secrets };
  }

  /** Bytes of one exchange held for checks, given back once (`release`) - at the latest when `signal` aborts. */
  function holding(signal: AbortSignal | undefined): { mine: number; release: () => void } {
    const hold = {
      mine: 0,
      release: () => {
        held -= hold.mine;
        hold.mine = 0;
        signal?.removeEventListener('abort', hold.release);
      },
    };
    signal?.addEventListener('abort', hold.release, { once: true });
    return hold;
  }

  return {
    upstream: upstream.url.origin,
    resigns: sign !== undefined,
    drift,
    sends(path, search) {
      const base = upstream.url.pathname.replace(/\/$/, '');
      let target: URL;
      try {
        target = new URL(upstream.urlOf(`${path}${search ? `?${search}` : ''}`));
      } catch {
        return undefined;
      }
      return target.pathname === `${base}${path}` ? `${path}${target.search}` : undefined;
    },
    exchange,
    close: () => upstream.close(),
  };
}

/**
 * The chunks already read (held for the check), then the rest of the stream if any; `release` is called
 * once the held chunks have been taken by the writer, or the body is given up (`return()`, an error).
 */
async function* releasedAtEnd(
  first: readonly Uint8Array[],
  rest: AsyncIterable<Uint8Array> | undefined,
  release: () => void,
): AsyncIterable<Uint8Array> {
  try {
    yield* first;
  } finally {
    release();
  }
  if (rest) yield* rest;
}
