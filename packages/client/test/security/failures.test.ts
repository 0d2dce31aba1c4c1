// Finding 5 of the security review: every failure is typed. A body that is not JSON, a connection
// reset while the body arrives, an empty 200 - each has its own error, "exactly one of data and error"
// holds, and file names from Content-Disposition are safe to use.
import type { ServerResponse } from 'node:http';
import { describe, expect, test } from 'vitest';
import { createOsmClient, downloadAttachment, fileNameFromContentDisposition, OsmError, OsmNetworkError } from '../../src/index.js';
import { sendJson, useLoopback } from './loopback.js';

const server = useLoopback();

const STATUS = '/v2/servicerequest/cases/{case_id}/status';
const getStatus = (options: Parameters<typeof createOsmClient>[0] = {}) =>
  createOsmClient({ baseUrl: server().origin, retry: false, ...options }).GET(STATUS, { params: { path: { case_id: 'CS1' } } });

function answer(status: number, body: string, contentType = 'application/json'): (response: ServerResponse) => void {
  return (response) => {
    response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), 'X-Request-Id': 'req-1' });
    response.end(body);
  };
}

/** Headers and half the promised body, then the connection is cut. */
function resetMidBody(response: ServerResponse): void {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 1000 });
  response.write('{"status": 1, "padding": "');
  setTimeout(() => response.socket?.destroy(), 20);
}

describe('a 200 whose body is not JSON', () => {
  test.each([
    ['malformed JSON', '{"status": 1,', '"{\\"status\\": 1,"'],
    [
      'an HTML page',
      '<!DOCTYPE html>\n<html><body>Gateway login</body></html>',
      '"<!DOCTYPE html> <html><body>Gateway login</body></html>"',
    ],
  ])('%s: error CLIENT.INVALID_BODY with the status and a snippet', async (_, body, snippet) => {
    server().handle((__, response) => answer(200, body, 'text/html')(response));
    const result = await getStatus();
    expect(result.data).toBeUndefined();
    expect(result.error).toBeInstanceOf(OsmError);
    expect(result.error).toMatchObject({ code: 'CLIENT.INVALID_BODY', httpStatus: 200, requestId: 'req-1' });
    expect(result.error?.message).toBe(`HTTP 200 body is not JSON: ${snippet}`);
  });

  test('a long one: the snippet is cut', async () => {
    server().handle((__, response) => answer(200, `<html>${'x'.repeat(5000)}</html>`)(response));
    const { error } = await getStatus();
    expect(error?.message.length).toBeLessThan(200);
    expect(error?.message).toMatch(/\.\.\."$/);
  });
});

describe('an empty 200 where the operation has a body', () => {
  test.each([
    ['Content-Length: 0', (response: ServerResponse) => answer(200, '')(response)],
    [
      'chunked, no bytes',
      (response: ServerResponse) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end();
      },
    ],
    ['only whitespace', (response: ServerResponse) => answer(200, ' \n')(response)],
  ])('%s: error CLIENT.EMPTY_BODY, and no data', async (_, respond) => {
    server().handle((__, response) => respond(response));
    const result = await getStatus();
    expect(Object.keys(result).sort()).toEqual(['error', 'response']);
    expect(result.error).toMatchObject({ code: 'CLIENT.EMPTY_BODY', httpStatus: 200 });
  });
});

describe('a connection reset while the body arrives', () => {
  test('is an OsmNetworkError saying so, with the cause', async () => {
    server().handle((__, response) => resetMidBody(response));
    const error = await getStatus().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OsmNetworkError);
    expect((error as Error).message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/v2\/servicerequest\/cases\/CS1\/status failed while its response body was read: /,
    );
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  test('is retried for a GET like any network error', async () => {
    server().handle((_request, response) =>
      server().received.length === 1 ? resetMidBody(response) : sendJson(response, 200, { status: 1 }),
    );
    const { data } = await getStatus({ retry: { baseDelayMs: 0 } });
    expect(data).toEqual({ status: 1 });
    expect(server().received).toHaveLength(2);
  });

  test('is not retried for a POST', async () => {
    server().handle((__, response) => resetMidBody(response));
    const client = createOsmClient({ baseUrl: server().origin, retry: { baseDelayMs: 0 } });
    const error = await client
      .POST('/v2/servicerequest/labels', { body: { name: 'l', description: 'd' } } as never)
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OsmNetworkError);
    expect(server().received).toHaveLength(1);
  });
});

describe('file names from Content-Disposition', () => {
  test.each([
    ['attachment; filename=".."', undefined],
    ['attachment; filename="."', undefined],
    [`attachment; filename*=UTF-8''..`, undefined],
    [`attachment; filename*=UTF-8''%2E%2E`, undefined],
    [`attachment; filename*=UTF-8''a%00b.txt`, 'ab.txt'],
    [`attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`, 'passwd'],
    ['attachment; filename="evil\r\n.txt"', 'evil.txt'],
    ['attachment; filename="..\\\\..\\\\x.bat"', 'x.bat'],
    [`attachment; filename*=UTF-8''%00`, undefined],
  ])('%j gives %j', (header, name) => {
    expect(fileNameFromContentDisposition(header)).toBe(name);
  });

  test('a download answered with "..\\0" as its name gets no name, not a path', async () => {
    server().handle((__, response) => {
      response.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''..%00`,
        'Content-Length': 3,
      });
      response.end('abc');
    });
    const client = createOsmClient({ baseUrl: server().origin, retry: false });
    const { data } = await downloadAttachment(client, 'a1');
    expect(data?.fileName).toBeUndefined();
    expect(await data?.body.text()).toBe('abc');
  });
});
