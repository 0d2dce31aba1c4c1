// Reads multipart/form-data bodies in Node with busboy, a streaming parser: a few MiB take
// milliseconds, where the platform's `Response.formData()` took seconds and failed on a file part without
// its own Content-Type. The body is fed to it a slice at a time, letting other requests through between
// slices. The browser build reads forms with the browser's own parser instead (multipart-web.ts): busboy
// needs Node's streams.
import busboy from 'busboy';
import { DEFAULT_PART_TYPE, type FormPart, type MultipartReader } from './form.js';

/** Limits busboy would otherwise apply (1 MiB text parts, 100-byte names): the engine bounds the whole body. */
const UNLIMITED = {
  fieldSize: Number.POSITIVE_INFINITY,
  fieldNameSize: Number.POSITIVE_INFINITY,
  fields: Number.POSITIVE_INFINITY,
  files: Number.POSITIVE_INFINITY,
  parts: Number.POSITIVE_INFINITY,
};
/** How much of a body is parsed before other work gets its turn (about a millisecond of parsing). */
const SLICE_BYTES = 512 * 1024;

/** The pieces of a file as one view: without a copy when they lie one after the other in the body, as they mostly do. */
function joined(chunks: readonly Buffer[]): Buffer {
  const [first] = chunks;
  if (!first) return Buffer.alloc(0);
  let end = first.byteOffset + first.byteLength;
  for (const chunk of chunks.slice(1)) {
    if (chunk.buffer !== first.buffer || chunk.byteOffset !== end) return Buffer.concat(chunks);
    end += chunk.byteLength;
  }
  return Buffer.from(first.buffer, first.byteOffset, end - first.byteOffset);
}

export const readMultipart: MultipartReader = (body, contentType) =>
  new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: UNLIMITED, defParamCharset: 'utf8' });
    } catch {
      resolve(undefined); // no boundary, or not multipart at all
      return;
    }
    let failed = false;
    const fail = () => {
      failed = true;
      resolve(undefined);
    };
    const parts: FormPart[] = [];
    const pending: Promise<void>[] = [];
    parser.on('field', (name, value) => parts.push({ name, value }));
    parser.on('file', (name, stream, info) => {
      const part: FormPart = { name, value: '' };
      parts.push(part);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A form that ends inside a file fails its stream as well as the parser.
      stream.on('error', fail);
      pending.push(
        new Promise((done) => {
          stream.on('end', () => {
            const bytes = joined(chunks);
            // busboy also takes an `application/octet-stream` part without a filename for a file; RFC 7578 does not.
            part.value =
              info.filename === undefined
                ? bytes.toString('utf8')
                : {
                    filename: info.filename,
                    type: info.mimeType || DEFAULT_PART_TYPE,
                    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
                  };
            done();
          });
        }),
      );
    });
    parser.on('error', fail);
    parser.on('close', () => void Promise.all(pending).then(() => resolve(parts)));
    const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const feed = (offset: number) => {
      if (failed) return;
      if (offset >= buffer.byteLength) {
        parser.end();
        return;
      }
      parser.write(buffer.subarray(offset, offset + SLICE_BYTES));
      setImmediate(feed, offset + SLICE_BYTES);
    };
    feed(0);
  });
