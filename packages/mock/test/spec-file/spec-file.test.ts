import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapiJsonPath } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { prismChildren } from '../support/processes.js';

/** Prism waits 500 ms for a changed file to settle, then restarts: give it time to have done so. */
const PRISM_RELOAD_WINDOW_MS = 2_000;

describe('the spec file changing while the mock runs (a rebuild during a test run)', () => {
  let folder: string;
  let specPath: string;
  let mock: RunningMock;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'osm-mock-test-'));
    specPath = join(folder, 'openapi.json');
    copyFileSync(openapiJsonPath, specPath);
    mock = await startMock({ port: 0, spec: specPath });
  });
  afterAll(async () => {
    await mock.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('does not interrupt it: Prism serves a copy taken at start', async () => {
    const served = prismChildren(process.pid)[0]?.command.match(/ mock (\S+)/)?.[1];
    expect(served).toBeDefined();
    expect(served).not.toBe(specPath);

    writeFileSync(specPath, readFileSync(specPath, 'utf8').replace('"This case does not exist."', '"Changed."'));
    const statuses = new Set<number>();
    const until = Date.now() + PRISM_RELOAD_WINDOW_MS;
    while (Date.now() < until) {
      const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: { 'X-Auth-Token': 't', Prefer: 'example=businessError' } });
      statuses.add(response.status);
      expect(await response.json()).toMatchObject({ error_msg: 'This case does not exist.' });
    }
    expect([...statuses]).toEqual([200]);
  });

  test('close() deletes the copy', async () => {
    const served = prismChildren(process.pid)[0]!.command.match(/ mock (\S+)/)![1]!;
    expect(existsSync(served)).toBe(true);
    await mock.close();
    expect(existsSync(served)).toBe(false);
  });
});
