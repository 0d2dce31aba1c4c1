// Multipart bodies as the clients people use write them, byte for byte, for the upload tests and the
// fuzz: the boundary each picks, and whether a file part carries a Content-Type of its own (RFC 7578
// makes it optional).

/** A part of a form: text, or a file. */
export interface FormEntry {
  name: string;
  value: string | { filename: string; type?: string; bytes: Uint8Array };
}

/** How a client writes a form. */
export interface FormStyle {
  client: string;
  boundary: string;
  /** The Content-Type header's boundary parameter as written (quoted, or not). */
  parameter: string;
  /** Whether file parts carry their own Content-Type. */
  partTypes: boolean;
  /** Text before the first boundary and after the last (RFC 2046 allows both). */
  preamble?: string;
  epilogue?: string;
}

export const FORM_STYLES: readonly FormStyle[] = [
  {
    client: 'Postman/newman (no part Content-Type)',
    boundary: '--------------------------817396460218845112386147',
    parameter: '--------------------------817396460218845112386147',
    partTypes: false,
  },
  {
    client: 'curl -F',
    boundary: '------------------------d74496d66958873e',
    parameter: '------------------------d74496d66958873e',
    partTypes: true,
  },
  {
    client: 'a browser (WebKit boundary)',
    boundary: '----WebKitFormBoundarynm7SNCD8ZcLOjQHw',
    parameter: '----WebKitFormBoundarynm7SNCD8ZcLOjQHw',
    partTypes: true,
  },
  {
    client: 'a quoted boundary with spaces and colons',
    boundary: "osm b:o'u=n(d)a+ry",
    parameter: `"osm b:o'u=n(d)a+ry"`,
    partTypes: false,
  },
  {
    client: 'a preamble and an epilogue',
    boundary: 'XyZ',
    parameter: 'XyZ',
    partTypes: true,
    preamble: 'This is a multipart message.\r\n',
    epilogue: '\r\ntrailing words',
  },
];

/** The Content-Type header and the body of `entries` written in `style`. */
export function encodeForm(entries: readonly FormEntry[], style: FormStyle): { contentType: string; body: Buffer } {
  const chunks: Buffer[] = [Buffer.from(style.preamble ?? '')];
  for (const { name, value } of entries) {
    let head = `--${style.boundary}\r\nContent-Disposition: form-data; name="${name}"`;
    if (typeof value === 'string') {
      chunks.push(Buffer.from(`${head}\r\n\r\n${value}\r\n`));
      continue;
    }
    head += `; filename="${value.filename}"`;
    if (style.partTypes) head += `\r\nContent-Type: ${value.type ?? 'application/octet-stream'}`;
    chunks.push(Buffer.from(`${head}\r\n\r\n`), Buffer.from(value.bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${style.boundary}--${style.epilogue ?? '\r\n'}`));
  return { contentType: `multipart/form-data; boundary=${style.parameter}`, body: Buffer.concat(chunks) };
}
