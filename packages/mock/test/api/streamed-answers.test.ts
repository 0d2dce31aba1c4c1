// Answers whose bodies arrive in pieces (downloads, proxied answers, the sandbox's state): the HTTP door
// writes each piece when the socket has taken the one before, and a truncated one reads only the half it
// sends. Both with a hostile reader in mind: one that reads slowly, one that is cut off.
import { createServer, get, type Server } from 'node:http';
import { afterEach, expect, test } from 'vitest';
import { cutBody } from '../../src/engine/cut-body.js';
import type { MockResponse } from '../../src/engine/types.js';
import { requestListener } from '../../src/server/http-adapter.js';

const PIECE = 64 * 1024;

/** `count` pieces of 64 KiB, noting how many were taken and whether the source was closed. */
function pieces(count: number) {
  const seen = { taken: 0, closed: false };
  async function* body(): AsyncIterable<Uint8Array> {
    try {
      for (; seen.taken < count; ) {
        seen.taken += 1;
        yield new Uint8Array(PIECE).fill(97);
      }
    } finally {
      seen.closed = true;
    }
  }
  return { seen, body: body() };
}

let server: Server | undefined;
afterEach(async () => {
  if (!server) return;
  server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
  server = undefined;
});

async function serve(answer: () => MockResponse): Promise<number> {
  server = createServer(requestListener({ operations: 1, handle: async () => answer(), route: () => undefined }));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

test('a large answer to a slow reader is written piece by piece, leaving no listener behind per piece', async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  try {
    const { body } = pieces(160); // 10 MiB
    const port = await serve(() => ({ status: 200, headers: { 'content-type': 'application/octet-stream' }, body }));
    const received = await new Promise<number>((resolve, reject) => {
      get(`http://127.0.0.1:${port}/`, (response) => {
        let size = 0;
        // Reads a piece, then pauses: the mock's writes keep finding the socket full.
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          response.pause();
          setTimeout(() => response.resume(), 1);
        });
        response.on('end', () => resolve(size)).on('error', reject);
      }).on('error', reject);
    });
    expect(received).toBe(160 * PIECE);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
  } finally {
    process.off('warning', onWarning);
  }
});

test('a truncated answer stating its length reads only the half it sends of its source, then closes it', async () => {
  const { seen, body } = pieces(256); // 16 MiB stated
  const stated = String(256 * PIECE);
  const { length, sent } = await cutBody({ status: 200, headers: { 'content-length': stated }, body, fault: 'truncate' });
  expect(length).toBe(256 * PIECE);
  expect(sent.byteLength).toBe(128 * PIECE);
  expect(seen).toEqual({ taken: 129, closed: true });
});

test('what a cut holds is bounded: a body stating a huge length is cut at the bound, one stating none is sent chunked', async () => {
  const bound = 4 * PIECE;
  const huge = pieces(1_000);
  const stated = await cutBody({ status: 200, headers: { 'content-length': String(1_000 * PIECE) }, body: huge.body }, bound);
  expect([stated.length, stated.sent.byteLength]).toEqual([1_000 * PIECE, bound]);
  expect(huge.seen).toEqual({ taken: 5, closed: true });
  const endless = pieces(1_000);
  const unstated = await cutBody({ status: 200, headers: {}, body: endless.body }, bound);
  expect([unstated.length, unstated.sent.byteLength]).toEqual([undefined, bound]);
  expect(endless.seen).toEqual({ taken: 10, closed: true });
});

test('a truncated answer stating no length is read whole, then cut at half', async () => {
  const { seen, body } = pieces(3);
  const { length, sent } = await cutBody({ status: 200, headers: {}, body, fault: 'truncate' });
  expect([length, sent.byteLength, seen.closed]).toEqual([3 * PIECE, Math.floor((3 * PIECE) / 2), true]);
});

test('over HTTP, a truncated download stops reading its source at half the stated length', async () => {
  const source = pieces(64);
  const port = await serve(() => ({
    status: 200,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(64 * PIECE) },
    body: source.body,
    fault: 'truncate',
  }));
  const response = await fetch(`http://127.0.0.1:${port}/`);
  expect(response.headers.get('content-length')).toBe(String(64 * PIECE));
  await expect(response.arrayBuffer()).rejects.toThrow();
  expect(source.seen).toEqual({ taken: 33, closed: true });
});

test('over HTTP, a truncated stream too long to measure is sent chunked, without a length, and breaks off', async () => {
  const source = pieces(1_000); // 64 MiB, no length stated
  const port = await serve(() => ({
    status: 200,
    headers: { 'content-type': 'application/octet-stream' },
    body: source.body,
    fault: 'truncate',
  }));
  const response = await fetch(`http://127.0.0.1:${port}/`);
  expect([response.headers.get('content-length'), response.headers.get('transfer-encoding')]).toEqual([null, 'chunked']);
  await expect(response.arrayBuffer()).rejects.toThrow();
  expect(source.seen.closed).toBe(true);
  expect(source.seen.taken).toBeLessThan(1_000);
});
