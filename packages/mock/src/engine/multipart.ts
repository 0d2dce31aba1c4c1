// Reads multipart/form-data bodies in Node with busboy, a streaming parser: a few MiB take
// milliseconds, where the platform's `Response.formData()` took seconds and failed on a file part without
// its own Content-Type. The browser build reads forms with the browser's own parser instead
// (multipart-web.ts): busboy needs Node's streams.
import busboy from 'busboy';
import { DEFAULT_PART_TYPE, type FormPart, type MultipartReader } from './form.js';

/** Limits busboy would otherwise apply (1 MiB text parts, 100-byte names): the engine bounds the whole body. */
const UNLIMITED = { fieldSize: Number.POSITIVE_INFINITY, fieldNameSize: Number.POSITIVE_INFINITY, fields: Number.POSITIVE_INFINITY, files: Number.POSITIVE_INFINITY, parts: Number.POSITIVE_INFINITY };

export const readMultipart: MultipartReader = (body, contentType) =>
  new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { 'content-type': contentType }, limits: UNLIMITED, defParamCharset: 'utf8' });
    } catch {
      resolve(undefined); // no boundary, or not multipart at all
      return;
    }
    const parts: FormPart[] = [];
    const pending: Promise<void>[] = [];
    parser.on('field', (name, value) => parts.push({ name, value }));
    parser.on('file', (name, stream, info) => {
      const part: FormPart = { name, value: '' };
      parts.push(part);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      // A form that ends inside a file fails its stream as well as the parser.
      stream.on('error', () => resolve(undefined));
      pending.push(
        new Promise((done) => {
          stream.on('end', () => {
            // One chunk is a view of the request's body: no copy needed.
            const joined = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            const bytes = new Uint8Array(joined.buffer, joined.byteOffset, joined.byteLength);
            // busboy also takes an `application/octet-stream` part without a filename for a file; RFC 7578 does not.
            part.value = info.filename === undefined ? joined.toString('utf8') : { filename: info.filename, type: info.mimeType || DEFAULT_PART_TYPE, bytes };
            done();
          });
        }),
      );
    });
    parser.on('error', () => resolve(undefined));
    parser.on('close', () => void Promise.all(pending).then(() => resolve(parts)));
    parser.end(body);
  });
