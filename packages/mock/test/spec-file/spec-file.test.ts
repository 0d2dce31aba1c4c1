import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapiJsonPath } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';

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

  test('changes nothing: the spec is read once, at start', async () => {
    writeFileSync(specPath, readFileSync(specPath, 'utf8').replace('"This case does not exist."', '"Changed."'));
    const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, {
      headers: { 'X-Auth-Token': 't', Prefer: 'example=businessError' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ error_msg: 'This case does not exist.' });
  });
});
