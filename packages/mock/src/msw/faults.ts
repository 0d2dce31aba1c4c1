// Network faults through MSW, where there is no connection to break: msw hands the client a Response or a
// network error, so each fault becomes the nearest thing fetch can see.
// - reset: `HttpResponse.error()`, which makes fetch reject with a TypeError ("Failed to fetch") before
//   any answer, as a dropped connection does.
// - truncate: the head (status, headers, the whole Content-Length) and a body stream that gives half the
//   bytes, then errors: reading the body rejects, as it does when a connection closes midway. (In a page,
//   MSW's service worker reads a mocked body whole before answering, so there the fetch itself fails.)
// - hang: no answer until the caller aborts (its timeout) or the HTTP server's idle timeout has passed,
//   then a network error; it never holds the handler longer than that.
import { HttpResponse } from 'msw';
import { IDLE_TIMEOUT_MS } from '../engine/network.js';
import type { MockResponse } from '../engine/types.js';
import { wait } from '../engine/wait.js';

/** The answer's body as bytes (a truncated answer gives half of them; a proxied one is read whole first). */
async function bodyBytes(body: MockResponse['body']): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  if (body === undefined) return new Uint8Array();
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  if (Symbol.asyncIterator in body) {
    const chunks: Uint8Array[] = [];
    for await (const chunk of body) chunks.push(chunk);
    const whole = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const chunk of chunks) {
      whole.set(chunk, at);
      at += chunk.byteLength;
    }
    return whole;
  }
  return encoder.encode([...body].join(''));
}

/** A body that gives the first half of `bytes`, then fails as a connection closed midway does. */
function cutBody(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const half = bytes.subarray(0, Math.floor(bytes.byteLength / 2));
      if (half.byteLength) controller.enqueue(half);
    },
    pull(controller) {
      controller.error(new TypeError('terminated: the mock cut the body short (Prefer: fault=truncate)'));
    },
  });
}

/** What msw answers for an answer with a fault; `hangMs` is how long a hang lasts if the caller never aborts. */
export async function faultResponse(answer: MockResponse, signal: AbortSignal | undefined, hangMs = IDLE_TIMEOUT_MS): Promise<Response> {
  if (answer.fault === 'truncate') {
    const bytes = await bodyBytes(answer.body);
    const headers = { ...answer.headers, 'content-length': String(bytes.byteLength) };
    return new HttpResponse(bytes.byteLength ? cutBody(bytes) : null, { status: answer.status, headers });
  }
  if (answer.fault === 'hang') await wait(hangMs, signal);
  return HttpResponse.error();
}
