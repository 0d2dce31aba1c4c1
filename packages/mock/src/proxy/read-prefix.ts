// Reads a stream up to a number of bytes, to check a body before answering with it: either the whole
// body came within the limit, or the limit was reached and the rest is still in the stream.
import type { Readable } from 'node:stream';

/** What was read: all of it, or the first part with the stream still holding the rest. */
export type Prefix = { complete: true; bytes: Uint8Array } | { complete: false; chunks: Buffer[] };

/** Reads `stream` until it ends or `limit` bytes have come (`take(n)` is asked before each chunk is kept). */
export function readPrefix(stream: Readable, limit: number, take: (bytes: number) => boolean): Promise<Prefix> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit || !take(chunk.length)) {
        stream.pause();
        cleanup();
        resolve({ complete: false, chunks });
      }
    };
    const onEnd = () => {
      cleanup();
      resolve({ complete: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}
