// Measurement 6: the memory a client process reaches when a server sends a body without end. A hostile
// server on 127.0.0.1 answers one GET with 1 GiB of JSON-looking text, or with a gzip bomb (1 GiB of
// spaces, about 1 MiB on the wire); a fresh Node process makes the call - with @osm-openapi/client at its
// defaults (16 MiB JSON limit), or with bare openapi-fetch, the baseline, which reads what it is sent -
// and reports its peak RSS and how the call ended. One round each: the figure is bytes, not time.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';
import { summarize } from './stats.mjs';

const here = fileURLToPath(import.meta.url);
const GiB = 1024 ** 3;
const CHUNK = Buffer.alloc(1024 * 1024, 0x20);

/** Writes 1 GiB of `CHUNK`s into `sink` (the response, or a compressor in front of it) unless the client goes first. */
function pump(response, sink) {
  let written = 0;
  let closed = false;
  response.on('close', () => {
    closed = true;
  });
  const next = () => {
    while (!closed && written < GiB) {
      written += CHUNK.length;
      if (!sink.write(CHUNK)) return void sink.once('drain', next);
    }
    if (!closed) sink.end();
  };
  next();
}

/** The hostile server: `/plain` streams 1 GiB, `/gzip` the same through gzip. */
function startHostileServer() {
  const server = createServer((request, response) => {
    const gzip = request.url.startsWith('/gzip');
    response.writeHead(200, { 'Content-Type': 'application/json', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    if (!gzip) return pump(response, response);
    const compressor = createGzip();
    compressor.pipe(response);
    pump(response, compressor);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Runs one call in a fresh process; resolves to its peak RSS (bytes) and how the call ended. */
function measureInChild(variant, url) {
  const child = spawn(process.execPath, [here, variant, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      try {
        resolve(JSON.parse(output));
      } catch {
        reject(new Error(`the ${variant} process exited (${code}) without a result`));
      }
    });
  });
}

/** The call each variant makes, resolving to a short word on how it ended. */
async function call(variant, url) {
  if (variant === 'client') {
    const { createOsmClient } = await import('@osm-openapi/client');
    const { error } = await createOsmClient({ baseUrl: url, auth: { token: 'bench' }, retry: false, timeoutMs: 120_000 }).GET(
      '/v2/servicerequest/labels',
    );
    return error ? error.code : 'data';
  }
  const { default: createClient } = await import('openapi-fetch');
  try {
    const { error } = await createClient({ baseUrl: url, headers: { 'X-Auth-Token': 'bench' } }).GET('/v2/servicerequest/labels');
    return error ? 'error' : 'data';
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message.slice(0, 60)}` : 'thrown';
  }
}

/** Peak RSS of both variants against both hostile bodies. */
export async function benchClientMemory() {
  const server = await startHostileServer();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const comparisons = [];
  try {
    for (const [label, path] of [
      ['1 GiB JSON body', '/plain'],
      ['gzip bomb (1 GiB inflated)', '/gzip'],
    ]) {
      const client = await measureInChild('client', `${origin}${path}`);
      const baseline = await measureInChild('openapi-fetch', `${origin}${path}`);
      comparisons.push({
        label: `peak RSS, ${label}: client (${client.outcome})`,
        subject: summarize([client.maxRss], 'B'),
        baselineLabel: `bare openapi-fetch (${baseline.outcome})`,
        baseline: summarize([baseline.maxRss], 'B'),
        ratio: client.maxRss / baseline.maxRss,
      });
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  return { id: 'client-memory', title: 'client memory against an endless body', comparisons };
}

if (process.argv[1] === here) {
  const [variant, url] = process.argv.slice(2);
  const outcome = await call(variant, url).catch((error) => `thrown: ${error}`);
  process.stdout.write(JSON.stringify({ outcome, maxRss: process.resourceUsage().maxRSS * 1024 }));
}
