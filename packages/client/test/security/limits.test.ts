// Bounded memory against a server that never stops: endless JSON, a gzip bomb, a declared 1 GiB, an
// endless error body under retries, file downloads past their limit, an endless IAM answer. Each is cut
// where it passes its limit (the server sees the connection go), answered with CLIENT.BODY_TOO_LARGE and
// never retried. The RSS these reach is measured in `npm run bench`, not here.
import type { ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { createOsmClient, downloadAttachment, iamPasswordAuth, OsmAuthError, OsmError } from '../../src/index.js';
import { type LoopbackServer, startLoopback } from './loopback.js';

let osm: LoopbackServer;
let iam: LoopbackServer;
beforeAll(async () => {
  [osm, iam] = await Promise.all([startLoopback(), startLoopback()]);
});
beforeEach(() => {
  osm.received.splice(0);
});
afterAll(() => Promise.all([osm.close(), iam.close()]));

const MiB = 1024 * 1024;
/** What the endless servers stop at if nobody cuts them: far beyond every limit below. */
const SERVER_CAP = 512 * MiB;
/** What may have been written when the client cut: its limit plus what the sockets buffer on the way. */
const WRITTEN_AT_MOST = 64 * MiB;

/**
 * Writes `chunk` again and again until the client goes away (or {@link SERVER_CAP}); resolves to the
 * bytes written. `sink` is where they go: the response itself, or a compressor in front of it.
 */
function endless(response: ServerResponse, chunk: Buffer, sink: NodeJS.WritableStream = response): Promise<number> {
  return new Promise((resolve) => {
    let written = 0;
    let closed = false;
    response.on('close', () => {
      closed = true;
      resolve(written);
    });
    const pump = () => {
      while (!closed && written < SERVER_CAP) {
        written += chunk.length;
        if (!sink.write(chunk)) return void sink.once('drain', pump);
      }
      if (!closed) sink.end();
    };
    pump();
  });
}

let written: Promise<number>;
function serveEndless(status: number, headers: Record<string, string>, chunk = Buffer.alloc(64 * 1024, 0x61)): void {
  osm.handle((_, response) => {
    response.writeHead(status, headers);
    written = endless(response, chunk);
  });
}

test('an endless JSON body: CLIENT.BODY_TOO_LARGE at maxJsonBytes, the rest not read', async () => {
  serveEndless(200, { 'Content-Type': 'application/json' });
  const client = createOsmClient({ baseUrl: osm.origin, maxJsonBytes: MiB });
  const { error } = await client.GET('/v2/servicerequest/labels');
  expect(error).toBeInstanceOf(OsmError);
  expect(error?.code).toBe('CLIENT.BODY_TOO_LARGE');
  expect(error?.message).toBe(`HTTP 200 body is larger than ${MiB} bytes (maxJsonBytes); the rest was not read`);
  expect(await written).toBeLessThan(WRITTEN_AT_MOST);
});

test('a gzip bomb: counted after decompression, cut at the limit', async () => {
  osm.handle((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    const gzip = createGzip();
    gzip.pipe(response);
    written = endless(response, Buffer.alloc(MiB, 0x20), gzip);
  });
  const client = createOsmClient({ baseUrl: osm.origin, maxJsonBytes: 4 * MiB });
  const { error } = await client.GET('/v2/servicerequest/labels');
  expect(error?.code).toBe('CLIENT.BODY_TOO_LARGE');
  // The server was cut off long before its 512 MiB of spaces. How much it had compressed by then
  // depends on the sockets' buffers (1 KB of gzip is 1 MiB here), not on the client, so no tighter bound.
  expect(await written).toBeLessThan(SERVER_CAP / 2);
});

test('a declared Content-Length over the limit: refused before reading', async () => {
  osm.handle((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(1024 * MiB) });
    written = endless(response, Buffer.from('{"a":1}'));
  });
  const { error } = await createOsmClient({ baseUrl: osm.origin }).GET('/v2/servicerequest/labels');
  expect(error?.code).toBe('CLIENT.BODY_TOO_LARGE');
  expect(error?.message).toContain(`larger than ${16 * MiB} bytes (maxJsonBytes)`);
  expect(await written).toBeLessThan(WRITTEN_AT_MOST);
});

test('the defaults: a 17 MiB JSON answer is too large (16 MiB), a 15 MiB one is read', async () => {
  for (const [size, tooLarge] of [
    [17 * MiB, true],
    [15 * MiB, false],
  ] as const) {
    osm.handle((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(`{"labels":[],"pad":"${'x'.repeat(size - 22)}"}`);
    });
    const { data, error } = await createOsmClient({ baseUrl: osm.origin }).GET('/v2/servicerequest/labels');
    expect(error?.code).toBe(tooLarge ? 'CLIENT.BODY_TOO_LARGE' : undefined);
    expect(data === undefined).toBe(tooLarge);
  }
});

test('an endless 503 body under retries: answered once, not retried', async () => {
  serveEndless(503, { 'Content-Type': 'application/json', 'Retry-After': '0' });
  const client = createOsmClient({ baseUrl: osm.origin, maxJsonBytes: MiB, retry: { attempts: 3, baseDelayMs: 0 } });
  const { error } = await client.GET('/v2/servicerequest/labels');
  expect(error?.code).toBe('CLIENT.BODY_TOO_LARGE');
  expect(error?.httpStatus).toBe(503);
  expect(osm.received).toHaveLength(1);
});

test("a per-call maxBodyBytes overrides the client's limit", async () => {
  serveEndless(200, { 'Content-Type': 'application/json' });
  const { error } = await createOsmClient({ baseUrl: osm.origin }).GET('/v2/servicerequest/labels', { maxBodyBytes: 100_000 });
  expect(error?.message).toBe('HTTP 200 body is larger than 100000 bytes (maxBodyBytes); the rest was not read');
});

test('a download past maxFileBytes: an error as a Blob, and a stream that errors where it passes it', async () => {
  const binary = { 'Content-Type': 'application/octet-stream', 'Content-Disposition': 'attachment; filename="big.bin"' };
  serveEndless(200, binary);
  const client = createOsmClient({ baseUrl: osm.origin, maxFileBytes: 2 * MiB, maxJsonBytes: 1024 });
  const blob = await downloadAttachment(client, 'a1');
  expect(blob.error?.message).toBe(`HTTP 200 body is larger than ${2 * MiB} bytes (maxFileBytes); the rest was not read`);
  expect(await written).toBeLessThan(WRITTEN_AT_MOST);

  serveEndless(200, binary);
  const streamed = await downloadAttachment(client, 'a1', { as: 'stream' });
  let received = 0;
  const reader = streamed.data!.body.getReader();
  const failure = await (async () => {
    for (let read = await reader.read(); !read.done; read = await reader.read()) received += read.value.byteLength;
  })().catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(OsmError);
  expect((failure as OsmError).code).toBe('CLIENT.BODY_TOO_LARGE');
  expect(received).toBeLessThanOrEqual(2 * MiB);
  expect(await written).toBeLessThan(WRITTEN_AT_MOST);
});

test('an endless IAM answer: OsmAuthError, cut at 1 MiB', async () => {
  let iamWritten: Promise<number> = Promise.resolve(0);
  iam.handle((_, response) => {
    response.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': 'issued' });
    iamWritten = endless(response, Buffer.alloc(64 * 1024, 0x20));
  });
  const auth = iamPasswordAuth({ userName: 'bot', password: 'a-password', domainName: 'acme', endpoint: iam.origin });
  const error = await createOsmClient({ baseUrl: osm.origin, auth })
    .GET('/v2/servicerequest/labels')
    .catch((thrown: unknown) => thrown);
  expect(error).toEqual(new OsmAuthError(`IAM answered with a body larger than ${MiB} bytes`, 201));
  expect(await iamWritten).toBeLessThan(WRITTEN_AT_MOST);
  expect(osm.received).toHaveLength(0);
});
