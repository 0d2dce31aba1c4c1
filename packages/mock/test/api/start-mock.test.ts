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
  beforeAll(async () => {
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

  test('runs in this process: no child process', () => {
    expect(childProcesses(process.pid)).toEqual([]);
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
