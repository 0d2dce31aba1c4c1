// Network faults through MSW, where there is no connection to break: msw hands the client a Response or a
// network error, so each fault becomes the nearest thing fetch can see.
// - reset: `HttpResponse.error()`, which makes fetch reject with a TypeError ("Failed to fetch") before
//   any answer, as a dropped connection does.
// - truncate: the head (status, headers, the whole Content-Length) and a body stream that gives half the
//   bytes (at most MAX_CUT_BYTES: ../engine/cut-body.ts), then errors: reading the body rejects, as it
//   does when a connection closes midway. (In a page, MSW's service worker reads a mocked body whole
//   before answering, so there the fetch itself fails.)
// - hang: no answer until the caller aborts (its timeout) or the HTTP server's idle timeout has passed,
//   then a network error; it never holds the handler longer than that.
import { HttpResponse } from 'msw';
import { cutBody } from '../engine/cut-body.js';
import { IDLE_TIMEOUT_MS } from '../engine/network.js';
import type { MockResponse } from '../engine/types.js';
import { wait } from '../engine/wait.js';

/** A body that gives `sent`, then fails as a connection closed midway does. */
function brokenBody(sent: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (sent.byteLength) controller.enqueue(sent);
    },
    pull(controller) {
      controller.error(new TypeError('terminated: the mock cut the body short (Prefer: fault=truncate)'));
    },
  });
}

/** What msw answers for an answer with a fault; `hangMs` is how long a hang lasts if the caller never aborts. */
export async function faultResponse(answer: MockResponse, signal: AbortSignal | undefined, hangMs = IDLE_TIMEOUT_MS): Promise<Response> {
  if (answer.fault === 'truncate') {
    const { length, sent } = await cutBody(answer);
    const headers = length === undefined ? answer.headers : { ...answer.headers, 'content-length': String(length) };
    return new HttpResponse(length === 0 ? null : brokenBody(sent), { status: answer.status, headers });
  }
  if (answer.fault === 'hang') await wait(hangMs, signal);
  return HttpResponse.error();
}
