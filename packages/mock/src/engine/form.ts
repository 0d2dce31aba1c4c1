// A multipart/form-data body, parsed once per request: its parts in order, text parts as strings and
// file parts (those with a filename, RFC 7578) with their bytes. The engine validates and describes it;
// the stateful sandbox keeps the files.

/** A file part. */
export interface FormFile {
  filename: string;
  /** The part's Content-Type; `text/plain` when it has none (RFC 7578, 4.4). */
  type: string;
  bytes: Uint8Array;
}

/** One part of a form. */
export interface FormPart {
  name: string;
  value: string | FormFile;
}

/** The type of a part that does not state one (RFC 7578, 4.4). */
export const DEFAULT_PART_TYPE = 'text/plain';

/** Reads a multipart body; undefined when it is not well-formed. */
export type MultipartReader = (body: Uint8Array, contentType: string) => Promise<FormPart[] | undefined>;

/** The form as plain values (the last part of a name wins): text as strings, files described. */
export function formFields(parts: readonly FormPart[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const { name, value } of parts) {
    fields[name] = typeof value === 'string' ? value : { filename: value.filename, type: value.type, size: value.bytes.byteLength };
  }
  return fields;
}

/** How much of a file Prism's validator is shown (see {@link formForPrism}). */
const FILE_SAMPLE_BYTES = 64;

/**
 * The form re-encoded for Prism's validator, which parses multipart text itself, byte by byte (seconds
 * for a few MiB): text parts as sent, each file cut to its first bytes, since a file field's schema
 * (`format: binary`) says nothing about its content.
 */
export function formForPrism(parts: readonly FormPart[]): { contentType: string; body: string } {
  const boundary = `osm-mock-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const chunks = parts.map(({ name, value }) => {
    const disposition = `Content-Disposition: form-data; name="${escapeQuoted(name)}"`;
    if (typeof value === 'string') return `--${boundary}\r\n${disposition}\r\n\r\n${value}\r\n`;
    const sample = new TextDecoder().decode(value.bytes.subarray(0, FILE_SAMPLE_BYTES));
    return `--${boundary}\r\n${disposition}; filename="${escapeQuoted(value.filename)}"\r\nContent-Type: ${value.type}\r\n\r\n${sample}\r\n`;
  });
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: `${chunks.join('')}--${boundary}--\r\n` };
}

/** A name inside a quoted header parameter, as browsers write it (WHATWG HTML, multipart/form-data). */
function escapeQuoted(text: string): string {
  return text.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22');
}
