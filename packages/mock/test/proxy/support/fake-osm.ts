// A fake OSM on a loopback port, for the proxy's tests: it answers `showCaseStatus` (and a download) with
// drift planted per ticket ID, fails on demand (slow, resetting), and keeps every request it got, so the
// tests can check what the proxy forwarded (and verify its signature).
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A request as the fake received it. */
export interface Received {
  method: string;
  /** Path and query as received. */
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export const MiB = 1024 * 1024;
/** The planted 10 MiB download and JSON. */
export const BIG = 10 * MiB;

/** Each planted case: the ticket ID in the path picks it. */
export const PLANTED = {
  clean: 'CS-CLEAN',
  extraFields: 'CS-EXTRA',
  wrongType: 'CS-TYPE',
  outOfRange: 'CS-RANGE',
  missingRequired: 'CS-NOMSG',
  unknownCode: 'CS-CODE',
  unlistedStatus: 'CS-STATUS',
  unlistedType: 'CS-CTYPE',
  gatewayError: 'CS-GW',
  slow: 'CS-SLOW',
  reset: 'CS-RESET',
  resetMidBody: 'CS-RESET-MID',
  echo: 'CS-ECHO',
  bigJson: 'CS-BIGJSON',
  stallMidBody: 'CS-STALL',
  gzipped: 'CS-GZIP',
  hugeHead: 'CS-HUGEHEAD',
  spoofedFindings: 'CS-SPOOF',
  /** A download (`/v2/servicerequest/accessorys/<id>`) that breaks off after its first MiB. */
  brokenDownload: 'broken',
} as const;

/** The 10 MiB download's bytes (a repeated pattern) and their SHA-256. */
export function bigFile(): { bytes: Buffer; sha256: string } {
  const bytes = Buffer.alloc(BIG);
  for (let i = 0; i < BIG; i += 4) bytes.writeUInt32BE(i, i);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json;charset=UTF-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-request-id': 'fake-request-1',
      ...headers,
    })
    .end(text);
}

export interface FakeOsm {
  url: string;
  received: Received[];
  /** Called when the download has sent its first MiB; the rest waits until `release()` is called. */
  download: { firstMiBSent: Promise<void>; release(): void };
  close(): Promise<void>;
}

/** Starts the fake on 127.0.0.1 (a free port). */
export async function startFakeOsm(): Promise<FakeOsm> {
  const received: Received[] = [];
  const file = bigFile();
  let firstMiBSent!: () => void;
  let release!: () => void;
  const download = {
    firstMiBSent: new Promise<void>((resolve) => (firstMiBSent = resolve)),
    released: new Promise<void>((resolve) => (release = resolve)),
  };

  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
    const path = (req.url ?? '').split('?')[0]!;

    if (path === `/v2/servicerequest/accessorys/${PLANTED.brokenDownload}`) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(BIG) });
      res.write(file.bytes.subarray(0, MiB), () => req.socket.destroy());
      return;
    }
    if (path.startsWith('/v2/servicerequest/accessorys/')) {
      // Sends a MiB, waits for the test to say the client got it, then the rest: a proxy that buffered the
      // whole body before answering would never let the test say so.
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(BIG),
        'content-disposition': 'attachment; filename="big.bin"',
      });
      res.write(file.bytes.subarray(0, MiB), () => firstMiBSent());
      await download.released;
      res.end(file.bytes.subarray(MiB));
      return;
    }
    if (path === '/v2/servicerequest/cases') return json(res, 200, { total_count: 0, incident_info_list: [] });
    const ticket = /^\/v2\/servicerequest\/cases\/([^/]+)\/status$/.exec(path)?.[1];
    switch (ticket) {
      case PLANTED.clean:
        return json(res, 200, { status: 0 });
      case PLANTED.spoofedFindings:
        return json(res, 200, { status: 0, extra: 1 }, { 'x-osm-violations': '{"count":0}' });
      case PLANTED.extraFields:
        return json(res, 200, { status: 1, priority: 'high', sla: { hours: 4 } });
      case PLANTED.wrongType:
        return json(res, 200, { status: '2' });
      case PLANTED.outOfRange:
        return json(res, 200, { status: 9 });
      case PLANTED.missingRequired:
        return json(res, 200, { error_code: 'OSM.01010015' });
      case PLANTED.unknownCode:
        return json(res, 200, { error_code: 'OSM.01019999', error_msg: 'A code the catalogue lacks.' });
      case PLANTED.unlistedStatus:
        return json(res, 404, { error_code: 'OSM.01010015', error_msg: 'This case does not exist.' });
      case PLANTED.unlistedType:
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': '13' }).end('<p>status</p>');
        return;
      case PLANTED.gatewayError:
        return json(res, 502, { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached.', request_id: 'b6b2' });
      case PLANTED.slow:
        return; // never answers; closed with the server
      case PLANTED.reset:
        req.socket.destroy();
        return;
      case PLANTED.resetMidBody:
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"status":', () => req.socket.destroy());
        return;
      case PLANTED.hugeHead:
        return json(res, 200, { status: 0 }, { 'x-padding': 'x'.repeat(80 * 1024) });
      case PLANTED.gzipped: {
        // Compressed although the proxy asked for identity: passed on as it is, its body not checked.
        const bytes = gzipSync(JSON.stringify({ status: 'not checked' }));
        res
          .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': String(bytes.byteLength) })
          .end(bytes);
        return;
      }
      case PLANTED.stallMidBody:
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"status":'); // and nothing more until the server closes
        return;
      case PLANTED.echo: {
        // A hostile upstream: everything it was sent that could be a credential, back in the answer.
        const h = req.headers;
        const echoed = [h['x-auth-token'], h.authorization, h['x-security-token'], h['x-domain-id']].filter(Boolean).join(' ');
        return json(
          res,
          200,
          { status: 0, [`note_${h['x-auth-token'] ?? 'none'}`]: echoed, remind_mobile: '13812345678', contact_email: 'alice@example.org' },
          { 'x-echo': echoed },
        );
      }
      case PLANTED.bigJson: {
        const text = `{"status":0,"padding":"${'x'.repeat(BIG)}"}`;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
        return;
      }
      default:
        return json(res, 200, { status: 0 });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    download: { firstMiBSent: download.firstMiBSent, release },
    close: () =>
      new Promise<void>((resolve) => {
        release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
