// Real HTTP servers on 127.0.0.1 (port 0): each is its own origin, so two of them are "OSM" and
// "somewhere else". Every request that arrives is recorded whole - raw header lines and body bytes - so a
// test can search exactly what reached a server.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll } from 'vitest';

/** A request as it arrived. */
export interface Received {
  method: string;
  /** Path and query. */
  url: string;
  headers: Headers;
  body: Buffer;
  /** Request line, raw header lines and body as text: what to search for secrets. */
  raw: string;
}

export type Handler = (request: Received, response: ServerResponse) => void;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  received: Received[];
  /** Replaces how it answers (default: `{}` as JSON). */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/** Sends `body` as JSON with `status` (and extra headers). */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

function record(request: IncomingMessage, body: Buffer): Received {
  const headers = new Headers();
  for (let i = 0; i < request.rawHeaders.length; i += 2) headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
  const lines = [`${request.method} ${request.url}`];
  for (let i = 0; i < request.rawHeaders.length; i += 2) lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
  return { method: request.method ?? '', url: request.url ?? '', headers, body, raw: `${lines.join('\n')}\n\n${body.toString('latin1')}` };
}

const answerEmptyJson: Handler = (_, response) => sendJson(response, 200, {});

/** One server for the tests of a file: started before them, reset after each (record and handler), closed after all. */
export function useLoopback(): () => LoopbackServer {
  let server: LoopbackServer | undefined;
  beforeAll(async () => {
    server = await startLoopback();
  });
  afterEach(() => {
    server?.received.splice(0);
    server?.handle(answerEmptyJson);
  });
  afterAll(() => server?.close());
  return () => server as LoopbackServer;
}

export async function startLoopback(): Promise<LoopbackServer> {
  let handler: Handler = answerEmptyJson;
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrived = record(request, Buffer.concat(chunks));
      received.push(arrived);
      handler(arrived, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    handle: (next) => {
      handler = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
