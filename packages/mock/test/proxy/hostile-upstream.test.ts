// Proxy mode against a hostile upstream, over real HTTP on 127.0.0.1: field names and values a megabyte
// long (the report, the header and the log must stay cheap and short), Markdown-breaking names, answers
// held for checks while the caller is slow to read them (maxHeldBytes), and a caller that leaves while the
// upstream has not answered (the upstream request must be abandoned).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { DriftLog, MAX_EXAMPLE_CHARS } from '../../src/proxy/drift.js';
import { driftMarkdown } from '../../src/proxy/drift-markdown.js';
import { createProxy } from '../../src/proxy/proxy.js';
import { cutText, cutValue, redactValue } from '../../src/proxy/recorder-redaction.js';
import type { DriftViolation } from '../../src/proxy/violations.js';
import { violationsHeader } from '../../src/proxy/violations-header.js';
import { bodyOf, SHOW_CASE_STATUS } from './support/exchange.js';

const MB = 1 << 20;
const SECRET = 'upstream-test-secret-value-0001';

/** An upstream answering showCaseStatus by the ticket ID in the path; `hang` never answers, and says when its caller left. */
async function startUpstream(): Promise<{ url: string; all: string[]; arrived: string[]; closed: string[]; close(): Promise<void> }> {
  const arrived: string[] = [];
  const closed: string[] = [];
  const all: string[] = [];
  const hugeName = `${'verif'.repeat(MB / 5)}`;
  const answers: Record<string, () => unknown> = {
    // A 1 MB field name, a 1 MB value of letters, and a value with an e-mail after 1 MB of text.
    huge: () => ({ status: 0, [hugeName]: 'a'.repeat(MB), [`${'a.'.repeat(MB / 4)}x`]: `${'a'.repeat(MB)} ann@example.org` }),
    small: () => ({ status: 0 }),
  };
  const server: Server = createServer((req: IncomingMessage, res) => {
    const ticket = /cases\/([^/]+)\/status/.exec(req.url ?? '')?.[1] ?? '';
    all.push(req.url ?? '');
    if (ticket === 'hang') {
      arrived.push(req.url ?? '');
      res.once('close', () => closed.push(req.url ?? ''));
      return;
    }
    const text = JSON.stringify((answers[ticket] ?? answers.small!)());
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
  });
  server.keepAliveTimeout = 500;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    all,
    arrived,
    closed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let upstream: Awaited<ReturnType<typeof startUpstream>>;
beforeAll(async () => {
  upstream = await startUpstream();
});
afterAll(async () => upstream?.close());

/** Runs `use` with a proxy mode of startMock() to the upstream, closed afterwards. */
async function withProxyMock(use: (mock: RunningMock) => Promise<void>, log?: (line: string) => void): Promise<void> {
  const mock = await startMock({ port: 0, log, proxy: { url: upstream.url } });
  try {
    await use(mock);
  } finally {
    await mock.close();
  }
}

describe('a hostile upstream cannot make the report, the header or the log slow or long', () => {
  test('1 MB field names and values: the answer is checked and reported well under 10 s, the report and header cut', async () => {
    const lines: string[] = [];
    await withProxyMock(
      async (mock) => {
        const started = performance.now();
        const response = await fetch(`${mock.url}/v2/servicerequest/cases/huge/status`, {
          headers: { 'X-Auth-Token': 'caller-token-0001' },
        });
        expect(response.status).toBe(200);
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(3 * MB);
        const header = response.headers.get('x-osm-violations')!;
        expect(header.length).toBeLessThanOrEqual(1024);
        expect(JSON.parse(header).kinds).toEqual({ 'unknown-field': 2 });
        const report = mock.drift();
        // Quadratic before: a 64 KB name took 4 s per answer, so a megabyte would take many minutes.
        expect(performance.now() - started).toBeLessThan(10_000);
        const entries = report.operations.find((o) => o.operationId === 'showCaseStatus')!.drift;
        expect(entries).toHaveLength(2);
        for (const entry of entries) {
          expect(entry.where.length).toBeLessThanOrEqual(301);
          expect(entry.example!.length).toBeLessThanOrEqual(MAX_EXAMPLE_CHARS + 1);
        }
        // A 15 KB URL: its log line is cut before it is redacted.
        const long = `/v2/servicerequest/cases/${'a'.repeat(15_000)}/status`;
        await (await fetch(`${mock.url}${long}`, { headers: { 'X-Auth-Token': 'caller-token-0001' } })).arrayBuffer();
        await expect.poll(() => lines.find((line) => line.includes('aaaa'))).toBeDefined();
        expect(lines.find((line) => line.includes('aaaa'))!.length).toBeLessThan(2_200);
      },
      (line) => lines.push(line),
    );
  }, 60_000);

  test('the drift log and the header: a violation with 1 MB of place, rule, field and value is recorded well under 2 s', () => {
    const huge: DriftViolation = {
      kind: 'unknown-field',
      where: `response body field ${'a.'.repeat(MB / 2)}x`,
      rule: `is not in the spec ${'a'.repeat(MB)} ann@example.org`,
      field: 'verif'.repeat(MB / 5),
      value: { list: Array.from({ length: 100_000 }, (_, i) => `${'a'.repeat(20)}${i}@example.org`), text: 'a'.repeat(MB) },
    };
    const log = new DriftLog('http://upstream', { title: 't', version: '1' }, [SECRET]);
    const started = performance.now();
    log.record({ ...SHOW_CASE_STATUS, status: 200, violations: [huge] });
    const header = violationsHeader([huge], [SECRET]);
    expect(performance.now() - started).toBeLessThan(2_000);
    const [entry] = log.report().operations[0]!.drift;
    expect(entry!.where.length).toBeLessThanOrEqual(301);
    expect(entry!.rule.length).toBeLessThanOrEqual(301);
    expect(entry!.example!.length).toBeLessThanOrEqual(MAX_EXAMPLE_CHARS + 1);
    expect(entry!.example).not.toContain('@example.org');
    expect(header!.length).toBeLessThanOrEqual(1024);
  });

  test('the field a value is under comes with the finding: a password field is redacted by its name', () => {
    const log = new DriftLog('http://upstream', { title: 't', version: '1' }, []);
    log.record({
      ...SHOW_CASE_STATUS,
      status: 200,
      violations: [
        {
          kind: 'unknown-field',
          where: 'response body field user.password',
          rule: 'is not in the spec',
          field: 'password',
          value: 'hunter2-plain',
        },
      ],
    });
    expect(log.report().operations[0]!.drift[0]!.example).toBe('"[REDACTED]"');
  });

  test('cutting before redacting leaves no start of a secret, and JSON text is cut as JSON (its field names still judged)', () => {
    const cut = cutText(`${'x'.repeat(590)}${SECRET}`, 600, [SECRET]);
    for (let k = 4; k < SECRET.length; k++) expect(cut.endsWith(`${SECRET.slice(0, k)}…`)).toBe(false);
    const formData = JSON.stringify({ password: 'hunter2-plain', pad: 'p'.repeat(5_000), mail: 'ann@example.org' });
    const shown = JSON.stringify(redactValue('form_data', cutValue(formData, 600, []), []));
    expect(shown).not.toContain('hunter2');
    expect(shown.length).toBeLessThan(2_000);
  });
});

describe('Markdown: upstream names cannot break the report', () => {
  test('a field name with \\r, \\n, | and backticks stays in its cell, and an example with backticks stays code', () => {
    const log = new DriftLog('http://upstream', { title: 't', version: '1' }, []);
    log.record({
      ...SHOW_CASE_STATUS,
      status: 200,
      violations: [
        { kind: 'unknown-field', where: 'response body field a\r| b`c``\\', rule: 'is not in the spec', field: 'x', value: 'v`` `|' },
        {
          kind: 'unknown-error-code',
          where: 'response body field error_code',
          rule: 'is not in the catalogue',
          field: 'error_code',
          value: 'X``Y',
        },
      ],
    });
    const markdown = driftMarkdown(log.report());
    const rows = markdown.split('\n').filter((line) => line.includes('| response body field'));
    expect(rows).toHaveLength(2);
    expect(markdown).not.toContain('\r');
    for (const row of rows) {
      // Seven cells: eight pipes that are not escaped.
      expect(row.match(/(?<!\\)\|/g)).toHaveLength(8);
    }
    expect(rows[0]).toContain('a \\| b\\`c\\`\\`\\\\');
    expect(rows[0]).toContain('``` "v`` `\\|" ```');
    expect(rows[1]).toContain('``` "X``Y" ```');
    expect(rows[1]).toContain('add "X\\`\\`Y" to spec/error-codes.yaml');
  });
});

describe('maxHeldBytes bounds what is held until the caller has it', () => {
  const exchange = (proxy: ReturnType<typeof createProxy>, signal?: AbortSignal) =>
    proxy.exchange({
      operation: SHOW_CASE_STATUS,
      method: 'GET',
      url: '/v2/servicerequest/cases/small/status',
      headers: { host: 'proxy.local', 'x-auth-token': 'caller-token-0001' },
      signal,
    });

  test('an answer checked but not yet given to its caller still counts; given (or the caller gone), it no longer does', async () => {
    // `{"status":0}` is 12 bytes: room for one answer held at a time.
    const proxy = createProxy(loadSpec(), { upstream: upstream.url, maxHeldBytes: 12 });
    try {
      const first = await exchange(proxy);
      expect(first.bodyChecked).toBe(true);
      const second = await exchange(proxy);
      expect(second.bodyChecked).toBe(false); // the first one's 12 bytes are still held
      expect((await bodyOf(second)).toString()).toBe('{"status":0}');
      expect((await bodyOf(first)).toString()).toBe('{"status":0}');
      const third = await exchange(proxy);
      expect(third.bodyChecked).toBe(true);
      await bodyOf(third);
      // A caller that goes away without reading gives its share back too.
      const abandoned = new AbortController();
      const fourth = await exchange(proxy, abandoned.signal);
      expect(fourth.bodyChecked).toBe(true);
      expect((await exchange(proxy)).bodyChecked).toBe(false);
      abandoned.abort();
      expect((await exchange(proxy)).bodyChecked).toBe(true);
    } finally {
      proxy.close();
    }
  });
});

describe('a caller that leaves abandons the upstream request', () => {
  test('over HTTP: the caller aborts while the upstream has not answered; the upstream sees its request closed, and no failure is reported', async () => {
    await withProxyMock(async (mock) => {
      const leaving = new AbortController();
      const pending = fetch(`${mock.url}/v2/servicerequest/cases/hang/status`, {
        headers: { 'X-Auth-Token': 'caller-token-0001' },
        signal: leaving.signal,
      }).catch((error: Error) => error);
      // Wait until the request is at the upstream, then leave.
      await expect.poll(() => upstream.arrived, { timeout: 15_000 }).toHaveLength(1);
      leaving.abort();
      await pending;
      // The head timeout is 60 s: well before it, the upstream's side is closed.
      await expect.poll(() => upstream.closed, { timeout: 15_000 }).toContain('/v2/servicerequest/cases/hang/status');
      expect(mock.drift().operations.find((o) => o.operationId === 'showCaseStatus')?.upstreamFailures ?? 0).toBe(0);
    });
  }, 60_000);
});

describe('Prefer faults in proxy mode', () => {
  test("a caller's Prefer: code=503 is answered by the proxy, as in the mock, without reaching the upstream", async () => {
    await withProxyMock(async (mock) => {
      const before = upstream.all.length;
      const response = await fetch(`${mock.url}/v2/servicerequest/cases/small/status`, {
        headers: { 'X-Auth-Token': 'caller-token-0001', Prefer: 'code=503' },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(upstream.all.length).toBe(before);
    });
  }, 60_000);
});
