import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { namedExamples, responseContents, type SpecOperation, specOperations, validRequest } from '../support/spec-operations.js';

const operations = specOperations();

/** What the mock should answer by default: the first media type of the first success response. */
function defaultAnswer(entry: SpecOperation) {
  const first = responseContents(entry).find((c) => c.status.startsWith('2'))!;
  const example = namedExamples(entry).find((e) => e.status === first.status && e.mediaType === first.mediaType);
  const isFile = first.schema.type === 'string' && first.schema.format === 'binary';
  return { status: Number(first.status), mediaType: first.mediaType, isFile, example };
}

describe('every operation of the bundled spec', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  test('the spec has the 95 operations: the 84 of the reference and the 11 beyond it from Huawei SDKs', () => {
    expect(operations).toHaveLength(95);
    expect(mock.operations).toBe(95);
  });

  test.each(operations.map((entry) => [`${entry.method.toUpperCase()} ${entry.path}`, entry] as const))(
    '%s answers a valid request built from its examples',
    async (_, entry) => {
      const expected = defaultAnswer(entry);
      const { url, init } = validRequest(entry);
      const response = await fetch(`${mock.url}${url}`, init);
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.status, body.toString()).toBe(expected.status);
      expect(response.headers.get('content-type')).toContain(expected.mediaType);
      if (expected.isFile) {
        expect(body.length).toBeGreaterThan(0);
        expect(response.headers.get('content-disposition')).toMatch(/^(attachment|inline); filename="[^"]+"$/);
      } else {
        expect(expected.example, `${entry.operationId} has no example for its success response`).toBeDefined();
        expect(JSON.parse(body.toString())).toEqual(expected.example!.value);
      }
    },
  );
});
