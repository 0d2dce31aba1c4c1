// `--record <dir>`: every answer the upstream gave becomes a contract-test fixture,
// `<dir>/<operationId>/proxy-<status>-<n>.json` in today's format, made, redacted and written by the
// fixture recorder's own functions (recorder-redaction.ts): credentials, e-mail, phone numbers,
// verification codes; files replaced by their size. After redaction the fixture is searched for every
// credential of the exchange (the proxy's and the caller's); if one is found nothing is written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { endToEnd } from './hop-by-hop.js';
import { type Fixture, redactFixture, snapshotRequest, snapshotResponse, withBinaryBody, writeFixture } from './recorder-redaction.js';
import { VIOLATIONS_HEADER } from './violations-header.js';

/** Answers larger than this are not recorded (they would have to be held whole). */
export const MAX_RECORDED_BYTES = 16 * 1024 * 1024;

/** One exchange to record. */
export interface RecordedExchange {
  operationId: string;
  method: string;
  /** Path and query as sent. */
  url: string;
  /** The caller's headers (names in lower case). */
  headers: Readonly<Record<string, string | undefined>>;
  body?: Uint8Array;
  status: number;
  responseHeaders: Readonly<Record<string, string | string[]>>;
  responseBody?: Uint8Array;
  /** Every secret of the exchange. */
  secrets: readonly string[];
}

/** What became of one exchange: the file written, or why none was. */
export type RecordResult = { file: string } | { skipped: string };

/** A recorder writing under `dir`; `origin` is the upstream's (named in each fixture's `source`). */
export function fixtureRecorder(dir: string, origin: string): (exchange: RecordedExchange) => Promise<RecordResult> {
  let sequence = 0;
  const base = 'http://proxy.invalid';
  return async (exchange) => {
    const headers = endToEnd(exchange.headers, ['host', 'content-length']) as Record<string, string>;
    const hasBody = exchange.body?.byteLength && exchange.method !== 'GET' && exchange.method !== 'HEAD';
    const request = new Request(`${base}${exchange.url}`, {
      method: exchange.method,
      headers,
      body: hasBody ? (exchange.body as BodyInit) : undefined,
    });
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(exchange.responseHeaders))
      if (name !== VIOLATIONS_HEADER) for (const v of [value].flat()) responseHeaders.append(name, v);
    const nullBody = exchange.status === 204 || exchange.status === 304 || !exchange.responseBody?.byteLength;
    const response = new Response(nullBody ? null : (exchange.responseBody as BodyInit), {
      status: exchange.status,
      headers: responseHeaders,
    });
    let fixture: Fixture;
    try {
      const snapshot: Fixture = {
        operationId: exchange.operationId,
        case: '',
        source: `recorded through osm-mock --proxy from ${origin} on ${new Date().toISOString().slice(0, 10)}`,
        request: await snapshotRequest(request, base),
        response: withBinaryBody(await snapshotResponse(response), false),
      };
      fixture = redactFixture(snapshot, exchange.secrets);
    } catch (error) {
      // The recorder's own message names no value ("secret #1 of 3 is still in the fixture").
      return { skipped: `not recorded: ${(error as Error).message.split('\n', 1)[0]}` };
    }
    let name: string;
    do name = `proxy-${exchange.status}-${String(++sequence).padStart(4, '0')}`;
    while (existsSync(join(dir, exchange.operationId, `${name}.json`)));
    return { file: writeFixture(dir, { ...fixture, case: name }) };
  };
}
