import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PortInUseError, type RunningMock, startMock } from '../../src/index.js';
import { childProcesses } from '../support/processes.js';

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('startMock({ port: 0 })', () => {
  let mock: RunningMock;
  // Test files share worker processes: another file's child may still be ending when this one starts.
  let childrenBefore: number[];
  beforeAll(async () => {
    childrenBefore = childProcesses(process.pid).map((child) => child.pid);
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  test('listens on a free port of 127.0.0.1 and says so in its url', () => {
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
  });

  test('serves all 95 operations of the bundled spec', async () => {
    expect(mock.operations).toBe(95);
    const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS20240101000001/status`, { headers: { 'X-Auth-Token': 't' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 0 });
  });

  test('keeps an idle keep-alive connection open for the client to reuse (no server-side 5 s cut)', async () => {
    const socket = connect({ port: mock.port, host: '127.0.0.1' });
    const request = `GET /v2/servicerequest/cases/CS20240101000001/status HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Auth-Token: t\r\n\r\n`;
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    const answers = (n: number) =>
      new Promise<void>((resolve) => {
        const check = () => ((received.match(/HTTP\/1\.1 200/g)?.length ?? 0) >= n ? resolve() : setTimeout(check, 20));
        check();
      });
    socket.write(request);
    await answers(1);
    expect(received).not.toMatch(/keep-alive: timeout=/i);
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // longer than Node's default keepAliveTimeout
    expect(socket.destroyed || socket.readableEnded).toBe(false);
    socket.write(request);
    await answers(2);
    socket.destroy();
  });

  test('runs in this process: no child process', () => {
    expect(childProcesses(process.pid).filter((child) => !childrenBefore.includes(child.pid))).toEqual([]);
  });

  test('rejects a port that is taken with PortInUseError', async () => {
    const attempt = startMock({ port: mock.port });
    await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
    await expect(attempt).rejects.toThrow(`Port ${mock.port} on 127.0.0.1 is already in use`);
  });

  test('close() stops listening', async () => {
    await mock.close();
    expect(await refusesConnections(mock.port)).toBe(true);
  });

  test('close() may be called again', async () => {
    await expect(mock.close()).resolves.toBeUndefined();
  });
});

describe('startMock({ docsUrl })', () => {
  test('points the index, GET /, to those docs; a value that is not a URL is a TypeError naming the option', async () => {
    const mock = await startMock({ port: 0, docsUrl: 'http://127.0.0.1:8080' });
    try {
      expect(((await (await fetch(`${mock.url}/`)).json()) as { docs: string }).docs).toBe('http://127.0.0.1:8080/');
    } finally {
      await mock.close();
    }
    await expect(startMock({ port: 0, docsUrl: 'docs' })).rejects.toThrow(new TypeError('docsUrl must be a URL, got "docs"'));
  });
});
