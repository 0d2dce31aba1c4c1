// Issue 24: one behaviour through both doors. Every edge request of the shared table gets the same
// status, headers and body from the HTTP server and from the MSW handlers in Node (the browser's
// service worker: contract-tests suite 9), and none of them an answer from msw itself.
import { connect } from 'node:net';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { osmHandlers } from '../../src/msw/node.js';
import { answerHeaders, type DoorAnswer, EDGE_REQUESTS } from '../support/edge-requests.js';
import { rawRequest } from '../support/raw-http.js';

const MSW_URL = 'https://doors.osm.test';
const ORIGIN = { Origin: 'http://app.test' };

describe.each([
  ['stateless', false],
  ['stateful', true],
])('%s: the HTTP server and the MSW handlers answer alike', (_, stateful) => {
  const server = setupServer(...osmHandlers({ baseUrl: MSW_URL, stateful }));
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful });
    server.listen({ onUnhandledFrame: 'error' });
  });
  afterAll(async () => {
    server.close();
    await mock.close();
  });

  test.each(EDGE_REQUESTS.map((r) => [r.name, r] as const))('%s', async (_, request) => {
    const headers = { ...ORIGIN, ...request.headers };
    const http = await rawRequest(mock.port, request.method, request.path, headers, request.body);
    const overHttp: DoorAnswer = {
      status: http.status,
      headers: answerHeaders(Object.entries(http.headers).map(([k, v]) => [k, String(v)])),
      body: http.body,
    };
    const msw = await fetch(`${MSW_URL}${request.path}`, { method: request.method, headers, body: request.body });
    const viaMsw: DoorAnswer = { status: msw.status, headers: answerHeaders(msw.headers), body: await msw.text() };
    expect(viaMsw).toEqual(overHttp);
    // An OSM answer, never one of msw's own (a 500 with a stack).
    expect(overHttp.headers['access-control-allow-origin']).toBe(ORIGIN.Origin);
    if (overHttp.status >= 400)
      expect(JSON.parse(overHttp.body)).toEqual({ error_code: expect.stringMatching(/^(OSM|APIGW)\./), error_msg: expect.any(String) });
  });
});

describe('a request without Host (only the HTTP door can receive one: fetch always sends it)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  /** Writes a request head as given on a socket and reads the whole answer. */
  const exchange = (head: string) =>
    new Promise<string>((resolve, reject) => {
      const socket = connect(mock.port, '127.0.0.1', () => socket.end(head));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });

  test('HTTP/1.1: 400 in OSM format naming Host, with CORS', async () => {
    const answer = await exchange(
      'GET /v2/servicerequest/cases/CS1/status HTTP/1.1\r\nX-Auth-Token: t\r\nOrigin: http://app.test\r\nConnection: close\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\naccess-control-allow-origin: http:\/\/app\.test\r\n/i);
    expect(answer.slice(answer.indexOf('\r\n\r\n') + 4)).toBe(
      JSON.stringify({ error_code: 'OSM.0001', error_msg: 'Invalid request: header parameter Host: is required (HTTP/1.1)' }),
    );
  });

  test('HTTP/1.0, which has no Host: answered as usual', async () => {
    const answer = await exchange('GET /v2/servicerequest/cases/CS1/status HTTP/1.0\r\nX-Auth-Token: t\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(answer.endsWith('{"status":0}')).toBe(true);
  });
});
