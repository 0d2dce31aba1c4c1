// The body of an answer cut short (`Prefer: fault=truncate`), for both doors: the length the head states
// and the bytes sent of it, after which the door breaks the connection. A body is cut at half its length,
// and at MAX_CUT_BYTES at the most, so that what is held for a cut is bounded whatever the body's source
// (an upstream's answer, a download). A body still arriving is read only up to the cut, and its source
// then closed. One that states no length is read up to twice the bound: if it ends there, its length is
// known and stated; if not, none is stated (the door sends it chunked), and the bytes sent are the bound.
import type { MockResponse } from './types.js';

/** The most bytes a truncated answer sends (and holds). */
export const MAX_CUT_BYTES = 16 * 1024 * 1024;

/** What a truncated answer sends: the length its head states (undefined: none, sent chunked), and the bytes it sends of it. */
export interface CutBody {
  length: number | undefined;
  sent: Uint8Array;
}

const encoder = new TextEncoder();

/** The first `size` bytes of `chunks`, as one array. */
function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    if (at >= size) break;
    whole.set(chunk.subarray(0, size - at), at);
    at += Math.min(chunk.byteLength, size - at);
  }
  return whole;
}

/** Where a body of `length` bytes is cut. */
const cutAt = (length: number, max: number) => Math.min(Math.floor(length / 2), max);

/** The answer's body cut short (see the top of this file); `max` is for tests. */
export async function cutBody(answer: MockResponse, max = MAX_CUT_BYTES): Promise<CutBody> {
  const { body } = answer;
  if (body === undefined) return { length: 0, sent: new Uint8Array() };
  if (typeof body === 'string' || body instanceof Uint8Array || !(Symbol.asyncIterator in body)) {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body instanceof Uint8Array ? body : encoder.encode([...body].join(''));
    return { length: bytes.byteLength, sent: bytes.subarray(0, cutAt(bytes.byteLength, max)) };
  }
  const stated = Number(answer.headers['content-length']);
  const known = Number.isSafeInteger(stated) && stated >= 0;
  // Read up to the cut (length stated), or until the length is known or over twice the bound.
  const enough = known ? cutAt(stated, max) : 2 * max + 1;
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early closes the source (an upstream answer stops being read).
  for await (const chunk of body) {
    if (size >= enough) break;
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  if (known) return { length: stated, sent: joined(chunks, Math.min(size, enough)) };
  if (size > 2 * max) return { length: undefined, sent: joined(chunks, max) };
  return { length: size, sent: joined(chunks, cutAt(size, max)) };
}
