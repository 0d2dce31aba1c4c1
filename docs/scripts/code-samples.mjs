// Renders the code samples Redoc shows for each operation (x-codeSamples): a TypeScript call through
// @osm-openapi/client and a curl command, both from the operation's example request (request-example.mjs).
// Every operation gets them without anyone writing 95 by hand, and the docs tests type-check every
// TypeScript sample against the client.
import { exampleRequest, FilePart } from './request-example.mjs';

/** The documented endpoint the curl samples call (the client's default base URL). */
export const ENDPOINT = 'https://osm.ap-southeast-3.myhuaweicloud.com';

/** The labels of the samples; the page's Redoc options list the same ones (redoc-options.json). */
export const SAMPLE_LABELS = { typescript: 'TypeScript', curl: 'curl' };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A TypeScript expression for `value`, pretty-printed with two-space indents. */
function tsLiteral(value, depth = 0) {
  const pad = '  '.repeat(depth + 1);
  const end = '  '.repeat(depth);
  if (value instanceof FilePart) return `new File([await readFile('./${value.fileName}')], '${value.fileName}')`;
  if (Array.isArray(value)) {
    return value.length ? `[\n${value.map((v) => `${pad}${tsLiteral(v, depth + 1)},`).join('\n')}\n${end}]` : '[]';
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([key, v]) => `${pad}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${tsLiteral(v, depth + 1)},`,
    );
    return entries.length ? `{\n${entries.join('\n')}\n${end}}` : '{}';
  }
  return JSON.stringify(value);
}

function hasFilePart(body) {
  return Object.values(body?.value ?? {}).some((v) => v instanceof FilePart);
}

/** TypeScript sample: one typed call through @osm-openapi/client; a downloaded file is written to disk. */
export function typescriptSample(spec, path, method, pathItem, operation) {
  const request = exampleRequest(spec, path, method, pathItem, operation);
  const init = {};
  if (Object.keys(request.params).length) init.params = request.params;
  if (request.body) init.body = request.body.value;
  const args = [`'${path}'`, ...(Object.keys(init).length ? [tsLiteral(init)] : [])].join(', ');
  const fsImports = [hasFilePart(request.body) && 'readFile', request.downloadsFile && 'writeFile'].filter(Boolean);
  return [
    ...(fsImports.length ? [`import { ${fsImports.join(', ')} } from 'node:fs/promises';`] : []),
    "import { createOsmClient } from '@osm-openapi/client';",
    '',
    'const client = createOsmClient({',
    '  auth: { token: process.env.OSM_TOKEN! },',
    '});',
    '',
    `const { data, error } = await client.${method.toUpperCase()}(${args});`,
    'if (error) throw error; // OsmError: code, message, solution',
    request.downloadsFile
      ? "await writeFile('./download', new Uint8Array(await data.arrayBuffer())); // data is a Blob"
      : 'console.log(data);',
  ].join('\n');
}

function shellQuote(text) {
  return `'${String(text).replace(/'/g, "'\\''")}'`;
}

function queryValue(value) {
  return encodeURIComponent(Array.isArray(value) ? value.join(',') : String(value));
}

/** curl sample: the same request on the wire, the token from $OSM_TOKEN. */
export function curlSample(spec, path, method, pathItem, operation) {
  const { params, body, downloadsFile } = exampleRequest(spec, path, method, pathItem, operation);
  let url = path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(params.path?.[name] ?? name)));
  const query = Object.entries(params.query ?? {}).map(([name, value]) => `${encodeURIComponent(name)}=${queryValue(value)}`);
  if (query.length) url += `?${query.join('&')}`;
  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(ENDPOINT + url)}`, '  -H "X-Auth-Token: $OSM_TOKEN"'];
  for (const [name, value] of Object.entries(params.header ?? {})) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  if (body?.mediaType === 'multipart/form-data') {
    for (const [name, value] of Object.entries(body.value)) {
      const part = value instanceof FilePart ? `@./${value.fileName}` : typeof value === 'object' ? JSON.stringify(value) : value;
      lines.push(`  -F ${shellQuote(`${name}=${part}`)}`);
    }
  } else if (body) {
    lines.push(`  -H 'Content-Type: ${body.mediaType}'`, `  -d ${shellQuote(JSON.stringify(body.value))}`);
  }
  if (downloadsFile) lines.push('  -o ./download');
  return lines.join(' \\\n');
}
