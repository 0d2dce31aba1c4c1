import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { responseValidator } from '../support/response-schema.js';
import { namedExamples, responseContents, specOperations, validRequest } from '../support/spec-operations.js';

const operations = specOperations();

describe('dynamic mode', () => {
  let mock: RunningMock;
  const validate = responseValidator();
  beforeAll(async () => {
    mock = await startMock({ port: 0, dynamic: true, seed: 'dynamic-test' });
  });
  afterAll(() => mock.close());

  test.each(operations.map((entry) => [entry.operationId, entry] as const))(
    '%s answers generated data valid against its schema',
    async (_, entry) => {
      const { url, init } = validRequest(entry);
      const response = await fetch(`${mock.url}${url}`, init);
      expect(response.status).toBe(200);
      const mediaType = response.headers.get('content-type')?.split(';')[0] ?? '';
      const declared = responseContents(entry).find((c) => c.status === '200' && c.mediaType === mediaType);
      expect(declared, `answered ${mediaType}`).toBeDefined();
      if (declared!.schema.format === 'binary') {
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      } else {
        expect(validate(entry.path, entry.method, '200', mediaType, await response.json())).toEqual([]);
      }
    },
  );

  test('generates data rather than serving the examples, the same for the same seed', async () => {
    const listCases = operations.find((o) => o.operationId === 'listCases')!;
    const success = namedExamples(listCases).find((e) => e.name === 'success')!;
    const bodies = await Promise.all(
      [1, 2].map(async () => (await fetch(`${mock.url}/v2/servicerequest/cases`, { headers: { 'X-Auth-Token': 't' } })).json()),
    );
    expect(bodies[0]).not.toEqual(success.value);
    expect(bodies[1]).toEqual(bodies[0]);
  });
});
