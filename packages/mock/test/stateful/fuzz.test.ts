// The bounded fuzz of test/fuzz/, on a stateful mock and its 22 stateful operations: whatever the
// generated request (valid, or broken in one of the fuzz's ways), no 5xx nobody asked for, nothing of
// the mock's insides (a stack, a path, a library name) in any answer, and every 200 answer valid against
// the operation's response in the spec. Afterwards the store still dumps as a seed that loads again.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePrefer } from '../../src/engine/prefer.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { buildRequest, mutation } from '../fuzz/fuzz-requests.js';
import { leakIn } from '../support/leaks.js';
import { rawRequest } from '../support/raw-http.js';
import { responseValidator } from '../support/response-schema.js';
import { responseContents, specOperations } from '../support/spec-operations.js';

const RUNS = 30;
const SEED = 17;
const validate = responseValidator();

// The IDs of the spec's parameter examples exist, so that valid requests reach the store's rules.
const STORE = {
  cases: [
    { incident_id: 'CS20240101000001', status: 1 as const, label_ids: [1] },
    { incident_id: 'CS20240101000002', status: 3 as const },
  ],
  labels: [{ label_id: 1, name: 'test', color: '#000000' }],
  accessories: [{ accessory_id: 'accessory-1234', file_name: 'a.png', media_type: 'image/png', content_base64: 'iVBORw0KGgo=' }],
};

describe('bounded fuzz of the stateful operations', () => {
  let mock: RunningMock;
  const statuses = new Map<number, number>();
  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful: { seed: STORE } });
  });
  afterAll(async () => {
    await mock.close();
    console.info(
      `stateful fuzz: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}`,
    );
  });

  const stateful = specOperations().filter((o) =>
    [
      'createCases',
      'listCases',
      'showCaseDetail',
      'showCaseStatus',
      'listCaseCounts',
      'updateCases',
      'updateCaseContactInfo',
      'createScores',
      'createMessages',
      'listMessages',
      'createLabels',
      'listLabels',
      'updateLabels',
      'deleteLabels',
      'listCaseLabels',
      'createCaseLabels',
      'deleteCaseLabels',
      'uploadAccessory',
      'uploadJsonAccessories',
      'downloadAccessories',
      'downloadImages',
      'deleteAccessories',
    ].includes(o.operationId),
  );

  test('covers the 22 stateful operations', () => expect(stateful).toHaveLength(22));

  test.each(stateful.map((o, index) => [o.operationId, o, index] as const))(`%s: ${RUNS} generated requests`, async (_, entry, index) => {
    await fc.assert(
      fc.asyncProperty(mutation, async (change) => {
        const request = await buildRequest(entry, change);
        const answer = await rawRequest(mock.port, request.method, request.path, request.headers, request.body);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const where = `${change.kind}: ${request.method} ${request.path.slice(0, 200)} -> ${answer.status}`;
        if (answer.status >= 500 && answer.status !== parsePrefer(request.headers.Prefer).code)
          throw new Error(`${where}: ${answer.body.slice(0, 300)}`);
        const leak = leakIn(answer.body, answer.status >= 400 || answer.body.includes('"error_code"'));
        if (leak) throw new Error(`${where}: ${leak}`);
        if (answer.status !== 200) return;
        const mediaType = String(answer.headers['content-type'] ?? '').split(';')[0] ?? '';
        const declared = responseContents(entry).find((c) => c.status === '200' && c.mediaType === mediaType);
        if (!declared) throw new Error(`${where}: ${mediaType} is not a declared answer`);
        if (declared.schema.format === 'binary') return;
        const errors = validate(entry.path, entry.method, '200', mediaType, JSON.parse(answer.body));
        if (errors.length) throw new Error(`${where}: ${answer.body.slice(0, 300)} is not valid: ${JSON.stringify(errors[0])}`);
      }),
      { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
    );
  });

  test('the store dumps as a seed that loads again', async () => {
    const state = await (await fetch(`${mock.url}/__osm/state`)).json();
    const reset = await fetch(`${mock.url}/__osm/reset`, { method: 'POST', body: JSON.stringify(state) });
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual(state);
  });
});
