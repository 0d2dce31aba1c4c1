// The proxy as the engine's mode: its final step (engine.ts, `finalSteps`). The request has been through
// the same steps as in the mock (credentials, limits, decoding, parameters, body, strict mode, Prism's
// validation); what they found is refused with OSM's 400 when `errors` is on - without reaching the
// upstream - and otherwise reported (`invalid-request`) and forwarded. The answer comes back with the
// engine's CORS headers over the upstream's, and its violations in `x-osm-violations`.

import { refusal } from '../engine/answers.js';
import type { Exchange, Step } from '../engine/pipeline.js';
import { refuseInvalid } from '../engine/steps/refuse-invalid.js';
import type { MockResponse } from '../engine/types.js';
import { callerSecrets } from './credentials.js';
import type { ProxyAnswer, UpstreamProxy } from './proxy.js';
import { MAX_RECORDED_BYTES, type RecordedExchange, type RecordResult } from './recorder.js';
import type { DriftViolation } from './violations.js';
import { VIOLATIONS_HEADER, violationsHeader } from './violations-header.js';

/** Options of {@link forwardStep}. */
export interface ForwardStepOptions {
  /** Refuse invalid requests (400 `OSM.0001`) instead of reporting and forwarding them. */
  errors: boolean;
  /** Records each exchange the upstream answered (recorder.ts); `report` gets what became of it. */
  record?: (exchange: RecordedExchange) => Promise<RecordResult>;
  /** Told what became of a recording that was not written (for the log). */
  onRecord?: (result: RecordResult) => void;
}

/** The engine's violations of a request as drift. */
function requestDrift(exchange: Exchange): DriftViolation[] {
  return exchange.violations.map((v) => ({ kind: 'invalid-request', where: `request ${v.where}`, rule: v.rule }));
}

/** A proxied answer's headers for the engine: lists joined (OSM sends none but `set-cookie`), CORS on top. */
function headersOf(answer: ProxyAnswer, cors: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return { ...headers, ...cors };
}

/** The body, with a copy kept for the recorder (up to {@link MAX_RECORDED_BYTES}) and handed over at its end. */
async function* teed(body: AsyncIterable<Uint8Array>, done: (bytes: Uint8Array | undefined) => void): AsyncIterable<Uint8Array> {
  let chunks: Uint8Array[] | undefined = [];
  let size = 0;
  let complete = false;
  try {
    for await (const chunk of body) {
      if (chunks) {
        size += chunk.byteLength;
        if (size > MAX_RECORDED_BYTES) chunks = undefined;
        else chunks.push(chunk);
      }
      yield chunk;
    }
    complete = true;
  } finally {
    done(complete && chunks ? Buffer.concat(chunks) : undefined);
  }
}

/** The final step: refuse (with `errors`) or forward. */
export function forwardStep(proxy: UpstreamProxy, options: ForwardStepOptions): Step<Exchange> {
  return async function forwardToUpstream(exchange): Promise<MockResponse> {
    const { operation, request } = exchange;
    const ref = { operationId: operation.operationId, method: operation.method, pathTemplate: operation.pathTemplate };
    const violations = requestDrift(exchange);
    if (options.errors && violations.length) {
      const refused = refuseInvalid(exchange)!;
      const secrets = callerSecrets(request.headers);
      proxy.drift.record({ ...ref, status: refused.status, violations, secrets });
      const summary = violationsHeader(violations, secrets);
      return summary ? { ...refused, headers: { ...refused.headers, [VIOLATIONS_HEADER]: summary } } : refused;
    }
    // What is signed and sent must be what was routed and checked: a path the URL parser would turn into
    // another (and so another operation, or a path outside OSM's API) is refused, never forwarded.
    const url = proxy.sends(exchange.path, exchange.search);
    if (url === undefined)
      return refusal(400, [{ where: 'path', rule: 'must reach the upstream as it was routed (no \\, no dot segments)' }], exchange.cors);
    const answer = await proxy.exchange({
      operation: ref,
      method: exchange.method,
      url,
      headers: request.headers,
      body: request.body,
      requestViolations: violations,
      signal: request.signal,
    });
    const response: MockResponse = { status: answer.status, headers: headersOf(answer, exchange.cors), body: answer.body };
    if (!options.record || answer.upstreamFailure) return response;
    const record = (responseBody: Uint8Array | undefined) => {
      if (responseBody === undefined && answer.body !== undefined) {
        options.onRecord?.({
          skipped: `not recorded: the answer did not arrive whole, or is over ${MAX_RECORDED_BYTES / 1024 / 1024} MiB`,
        });
        return;
      }
      const exchangeToRecord: RecordedExchange = {
        operationId: operation.operationId,
        method: exchange.method,
        url,
        headers: request.headers,
        body: request.body,
        status: answer.status,
        responseHeaders: answer.headers,
        responseBody,
        secrets: answer.secrets,
      };
      void options.record!(exchangeToRecord).then(options.onRecord, (error: Error) =>
        options.onRecord?.({ skipped: `not recorded: ${error.message.split('\n', 1)[0]}` }),
      );
    };
    if (answer.body === undefined || answer.body instanceof Uint8Array) {
      record(answer.body as Uint8Array | undefined);
      return response;
    }
    return { ...response, body: teed(answer.body, record) };
  };
}
