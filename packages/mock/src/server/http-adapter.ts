// The HTTP front door: turns node:http requests into engine requests and engine answers into HTTP
// answers. Bodies above the engine's limit are refused without being kept in memory, and the requests
// Node itself rejects before any handler runs (malformed HTTP, a head far over the engine's 16 KB) still
// get an OSM error body with CORS. Node's own checks of the head size and of `Host` are left to the
// engine and to this listener, so that they answer like the MSW door does.
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { corsHeaders } from '../engine/cors.js';
import { cutBody } from '../engine/cut-body.js';
import type { Engine } from '../engine/engine.js';
import { badRequestBody } from '../engine/osm-errors.js';
import { BODY_TOO_LARGE, MAX_BODY_BYTES } from '../engine/steps/body-limits.js';
import { HEADERS_TOO_LARGE } from '../engine/steps/head-limit.js';
import type { MockResponse, NetworkFault } from '../engine/types.js';

/**
 * Reads a body of up to `limit` bytes. A larger one is read to its end but not kept, so that the
 * client, still sending, gets the refusal rather than a broken connection, and the connection stays usable.
 * A body that states its length is copied into one buffer of that length once half of it has come, and
 * then chunk by chunk as it arrives, so that no single step copies it all (a copy of 10 MiB at the end held
 * up every other request for tens of milliseconds) - and a client that states 10 MiB and sends a few bytes
 * holds no more than twice what it sent.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | undefined | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    const fitsDeclared = Number.isInteger(declared) && declared > 0 && declared <= limit;
    let into: Buffer | undefined;
    let chunks: Buffer[] = [];
    let size = declared > limit ? limit + 1 : 0;
    req.on('data', (chunk: Buffer) => {
      if (into && size + chunk.length <= into.length) chunk.copy(into, size);
      else if (into) {
        // More than the header said: Node ends such a request as malformed; keep what came, as chunks.
        chunks = [into.subarray(0, size), chunk];
        into = undefined;
      } else if (size + chunk.length <= limit) {
        chunks.push(chunk);
        if (fitsDeclared && (size + chunk.length) * 2 >= declared && size + chunk.length <= declared) {
          into = Buffer.allocUnsafe(declared);
          Buffer.concat(chunks).copy(into);
          chunks = [];
        }
      } else chunks.length = 0;
      size += chunk.length;
    });
    req.on('end', () => {
      if (size > limit) resolve('too-large');
      else if (!size) resolve(undefined);
      else resolve(into ? into.subarray(0, size) : Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/** How large a head Node reads before refusing it itself: the engine refuses heads over 16 KB (431) with CORS. */
export const NODE_MAX_HEADER_BYTES = 64 * 1024;
/** HTTP/1.1 requires `Host` (RFC 9112, 3.2); OSM's gateway cannot route a request without it. */
const NO_HOST = { where: 'header parameter Host', rule: 'is required (HTTP/1.1)' };

function refuse(res: ServerResponse, req: IncomingMessage, status: number, body: object): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      ...corsHeaders(req.headers.origin),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
    })
    .end(text);
}

/**
 * Carries out a network fault: `reset` drops the connection (a TCP reset where Node can send one),
 * `truncate` sends the head, stating the whole length, and half the body (at most MAX_CUT_BYTES: cut-body.ts), then closes; `hang` sends
 * nothing and waits for the connection to end - the client leaving, the mock closing, or the server's
 * idle timeout (start-mock.ts) closing it.
 */
async function writeFault(req: IncomingMessage, res: ServerResponse, answer: MockResponse): Promise<void> {
  const socket = req.socket;
  if (answer.fault === 'hang') {
    if (!res.destroyed) await new Promise((resolve) => res.once('close', resolve));
    return;
  }
  if (answer.fault === 'truncate') {
    const { length, sent } = await cutBody(answer);
    // Without a length stated, Node sends the body chunked: cut before its last chunk, it is as plainly broken.
    const stated = length === undefined ? {} : { 'content-length': String(length) };
    res.writeHead(answer.status, { ...answer.headers, ...stated, connection: 'close' });
    // flushHeaders and a write of its own, so that the head and the bytes sent are on the wire before the close.
    res.flushHeaders();
    if (sent.byteLength) await new Promise<void>((resolve) => res.write(sent, () => resolve()));
    socket.destroySoon();
    return;
  }
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** Resolves once the socket takes more (`drain`) or the connection ends (`close`), leaving neither listener behind. */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      res.off('drain', go).off('close', go);
      resolve();
    };
    res.on('drain', go).on('close', go);
  });
}

async function write(res: ServerResponse, answer: MockResponse): Promise<void> {
  res.writeHead(answer.status, answer.headers);
  const { body } = answer;
  if (body === undefined || typeof body === 'string' || body instanceof Uint8Array) {
    res.end(body);
    return;
  }
  // A large answer in pieces, each made (or awaited, for bytes still arriving) once the socket has taken
  // the one before (or the client left). Bytes that stop arriving midway end the connection: the head is sent.
  try {
    // Leaving the loop early (the client left) ends the pieces' source too.
    for await (const piece of body) {
      if (res.destroyed) break;
      if (!res.write(piece)) await drainedOrClosed(res);
    }
  } catch {
    res.destroy();
    return;
  }
  res.end();
}

/** What an access-log line is made of. */
export interface Answered {
  method: string;
  url: string;
  status: number;
  ms: number;
  /** The answer's headers (undefined for the listener's own refusals). */
  headers?: Readonly<Record<string, string>>;
  /** The network fault carried out instead of the answer (`Prefer: fault`, the `faults` option). */
  fault?: NetworkFault;
}

/** The default access-log line: `GET /v2/servicerequest/cases -> 200 (4 ms)`, `-> reset (0 ms)`, `-> truncate of 200 (3 ms)`. */
export const accessLogLine = ({ method, url, status, ms, fault }: Answered) =>
  `${method} ${url} -> ${fault ? `${fault}${status ? ` of ${status}` : ''}` : status} (${ms} ms)`;

/** A node:http request listener answering from `engine`; `log` gets one line per answer, written by `line`. */
export function requestListener(
  engine: Engine,
  log?: (line: string) => void,
  line: (answered: Answered) => string = accessLogLine,
): RequestListener {
  return async (req, res) => {
    const started = performance.now();
    const done = (status: number, headers?: Record<string, string>, fault?: NetworkFault) =>
      log?.(line({ method: req.method ?? '', url: req.url ?? '', status, ms: Math.round(performance.now() - started), headers, fault }));
    try {
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === 'too-large' || (req.httpVersion === '1.1' && req.headers.host === undefined)) {
        const status = body === 'too-large' ? 413 : 400;
        refuse(res, req, status, badRequestBody([status === 413 ? BODY_TOO_LARGE : NO_HOST]));
        done(status);
        return;
      }
      // Ends a delay or a hang when the client leaves or the mock closes (closeAllConnections).
      const gone = new AbortController();
      res.once('close', () => gone.abort());
      const answer = await engine.handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: headersOf(req),
        body,
        signal: gone.signal,
      });
      if (answer.fault) await writeFault(req, res, answer);
      else await write(res, answer);
      done(answer.status, answer.headers, answer.fault);
    } catch (error) {
      // Only a broken connection gets here (the engine never rejects): nothing left to answer.
      res.destroy(error as Error);
    }
  };
}

/** Answers what Node rejects before a request handler runs, instead of closing without a word. */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify(
      badRequestBody([
        tooLarge ? HEADERS_TOO_LARGE : { where: 'request', rule: `must be well-formed HTTP/1.1 (${error.code ?? 'unreadable'})` },
      ]),
    );
    const headers = {
      ...corsHeaders(undefined),
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      connection: 'close',
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
    socket.end(`HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${head}\r\n\r\n${body}`);
  });
}
