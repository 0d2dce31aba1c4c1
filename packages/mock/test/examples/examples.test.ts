import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { namedExamples, specOperations, validRequest } from '../support/spec-operations.js';

const operations = specOperations();

/** The status to ask for: a `default` response answers any status the operation does not list. */
function statusFor(declared: string): string {
  return declared === 'default' ? '502' : declared;
}

describe('Prefer header', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  async function ask(entry: (typeof operations)[number], prefer: string) {
    const { url, init } = validRequest(entry, { Prefer: prefer });
    const response = await fetch(`${mock.url}${url}`, init);
    return { status: response.status, type: response.headers.get('content-type'), body: (await response.json()) as unknown };
  }

  test.each(operations.map((entry) => [entry.operationId, entry] as const))('%s: every named example can be chosen', async (_, entry) => {
    const examples = namedExamples(entry);
    expect(examples.map((e) => e.name)).toEqual(
      expect.arrayContaining(['businessError', 'badRequest', 'unauthorized', 'forbidden', 'internalServerError']),
    );
    // Success examples the way users ask for them (the example alone); the others with their status.
    const prefers = examples.map((e) => (e.status === '200' ? `example=${e.name}` : `code=${statusFor(e.status)}, example=${e.name}`));
    const answers = await Promise.all(prefers.map((prefer) => ask(entry, prefer)));
    examples.forEach((example, i) => {
      const expected = { status: Number(statusFor(example.status)), type: expect.stringContaining(example.mediaType), body: example.value };
      expect(answers[i], prefers[i]).toEqual(expected);
    });
  });

  test('example=businessError answers HTTP 200 with an OSM error body', async () => {
    const showCaseStatus = operations.find((o) => o.operationId === 'showCaseStatus')!;
    const answer = await ask(showCaseStatus, 'example=businessError');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ error_code: 'OSM.01010015', error_msg: expect.any(String) });
  });

  test('code=401 alone answers the 401 example', async () => {
    const listCases = operations.find((o) => o.operationId === 'listCases')!;
    expect(await ask(listCases, 'code=401')).toMatchObject({ status: 401, body: { error_code: 'OSM.0002' } });
    expect(await ask(listCases, 'code=403')).toMatchObject({ status: 403, body: { error_code: 'OSM.0003' } });
    expect(await ask(listCases, 'code=500')).toMatchObject({ status: 500, body: { error_code: 'OSM.0004' } });
  });

  test('an example the operation does not have: 400 OSM.0001 naming it and listing the names it has', async () => {
    const listCases = operations.find((o) => o.operationId === 'listCases')!;
    const answer = await ask(listCases, 'example=noSuchExample');
    expect(answer.status).toBe(400);
    const { error_code, error_msg } = answer.body as { error_code: string; error_msg: string };
    expect(error_code).toBe('OSM.0001');
    expect(error_msg).toMatch(
      /^Invalid request: header parameter Prefer: example=noSuchExample: this operation has no such example; it has /,
    );
    for (const example of namedExamples(listCases)) expect(error_msg).toContain(example.name);
  });
});
