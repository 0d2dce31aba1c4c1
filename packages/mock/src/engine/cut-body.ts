// The body of an answer cut short (`Prefer: fault=truncate`), for both doors: the whole length the head
// states and the first half of the bytes, after which the door breaks the connection. A body still
// arriving (a proxied answer, a download) whose head states its length is read only up to that half, and
// its source is then closed; one that states none is read whole first, as its length is known only then.
import type { MockResponse } from './types.js';

/** What a truncated answer sends: the length its head states, and the bytes it sends of it. */
export interface CutBody {
  length: number;
  half: Uint8Array;
}

const encoder = new TextEncoder();

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk.subarray(0, size - at), at);
    at += Math.min(chunk.byteLength, size - at);
  }
  return whole;
}

/** The answer's body cut at half its length (see the top of this file). */
export async function cutBody(answer: MockResponse): Promise<CutBody> {
  const { body } = answer;
  if (body === undefined) return { length: 0, half: new Uint8Array() };
  if (typeof body === 'string' || body instanceof Uint8Array || !(Symbol.asyncIterator in body)) {
    const bytes = typeof body === 'string' ? encoder.encode(body) : body instanceof Uint8Array ? body : encoder.encode([...body].join(''));
    return { length: bytes.byteLength, half: bytes.subarray(0, Math.floor(bytes.byteLength / 2)) };
  }
  const stated = Number(answer.headers['content-length']);
  const known = Number.isSafeInteger(stated) && stated >= 0;
  const want = known ? Math.floor(stated / 2) : Number.POSITIVE_INFINITY;
  const chunks: Uint8Array[] = [];
  let size = 0;
  // Leaving the loop early closes the source (an upstream answer stops being read).
  for await (const chunk of body) {
    if (size >= want) break;
    chunks.push(chunk);
    size += chunk.byteLength;
  }
  if (known) return { length: stated, half: joined(chunks, Math.min(size, want)) };
  return { length: size, half: joined(chunks, Math.floor(size / 2)) };
}
