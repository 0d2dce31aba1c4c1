/** A body went past its size limit while it was read; the rest of it was cancelled. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';

  constructor(readonly limit: number) {
    super(`the response body is larger than ${limit} bytes`);
  }
}

/**
 * The body's size as its `Content-Length` declares it, when that is the size read: without a
 * `Content-Encoding` (a compressed body grows as it is read). NaN when unknown.
 */
function declaredSize(response: Response): number {
  if (response.headers.has('content-encoding')) return Number.NaN;
  const length = response.headers.get('content-length');
  return length === null || !/^\d+$/.test(length) ? Number.NaN : Number(length);
}

/**
 * True when the declared length is within `limit`: fetch never delivers more bytes than a declared
 * length (it ends the body there), so the body can be read the ordinary way.
 */
export function declaredWithin(response: Response, limit: number): boolean {
  return declaredSize(response) <= limit;
}

/**
 * The body of `response`, read to the end, or {@link BodyTooLarge} as soon as it passes `limit` bytes -
 * counted as they arrive, after decompression - in which case the rest is cancelled, so that no more
 * than about `limit` bytes are ever held.
 */
export async function readBodyBytes(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const declared = declaredSize(response);
  if (declared > limit) {
    await response.body.cancel();
    throw new BodyTooLarge(limit);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0] as Uint8Array<ArrayBuffer>;
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * The body of `response` as a stream that errors with `tooLarge()` once more than `limit` bytes have
 * passed, cancelling the rest; for a body the caller reads at its own pace.
 */
export function limitedStream(response: Response, limit: number, tooLarge: () => Error): ReadableStream<Uint8Array> | null {
  const { body } = response;
  if (!body || limit === Number.POSITIVE_INFINITY) return body;
  if (declaredSize(response) > limit) {
    void body.cancel();
    return new ReadableStream({ start: (controller) => controller.error(tooLarge()) });
  }
  let size = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
}
