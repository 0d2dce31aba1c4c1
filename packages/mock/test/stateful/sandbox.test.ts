import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, test } from 'vitest';
import { answerAdmin } from '../../src/stateful/admin.js';
import { createSandbox } from '../../src/stateful/sandbox.js';
import type { SpecDocument } from '../../src/stateful/seed.js';
import { callRaw, expectValidAnswer, route, sandboxClient } from '../support/sandbox-client.js';
import { specOperations } from '../support/spec-operations.js';

const CREATE = { business_type_id: 'b', simple_description: 'd', source_id: 's' };

describe('the sandbox', () => {
  test('answers exactly the documented stateful operations, all of them in the spec', () => {
    const { sandbox } = sandboxClient();
    expect([...sandbox.operations].sort()).toEqual(
      [
        'createCaseLabels',
        'createCases',
        'createLabels',
        'createMessages',
        'createScores',
        'deleteAccessories',
        'deleteCaseLabels',
        'deleteLabels',
        'downloadAccessories',
        'downloadImages',
        'listCaseCounts',
        'listCaseLabels',
        'listCases',
        'listLabels',
        'listMessages',
        'showCaseDetail',
        'showCaseStatus',
        'updateCaseContactInfo',
        'updateCases',
        'updateLabels',
        'uploadAccessory',
        'uploadJsonAccessories',
      ].sort(),
    );
    const inSpec = new Set(specOperations().map((o) => o.operationId));
    for (const id of sandbox.operations) expect(inSpec).toContain(id);
  });

  test('leaves other operations to the examples', async () => {
    const { sandbox } = sandboxClient();
    expect(await callRaw(sandbox, 'GET', '/v2/servicerequest/config/severities?product_category_id=1&business_type_id=1')).toBeUndefined();
    expect(await callRaw(sandbox, 'GET', '/v2/servicerequest/cases/123/relations')).toBeUndefined();
  });

  test.each(['example=businessError', 'code=401', 'code=500, example=internalServerError', 'example=success'])(
    'steps aside for Prefer: %s, changing nothing',
    async (prefer) => {
      const { sandbox } = sandboxClient({ seed: {} });
      expect(await callRaw(sandbox, 'POST', '/v2/servicerequest/cases', { json: CREATE, headers: { Prefer: prefer } })).toBeUndefined();
      expect(sandbox.state().cases).toEqual([]);
    },
  );

  test('answers a Prefer header that forces nothing', async () => {
    const { sandbox } = sandboxClient({ seed: {} });
    expect(
      await callRaw(sandbox, 'POST', '/v2/servicerequest/cases', { json: CREATE, headers: { Prefer: 'respond-async' } }),
    ).toBeDefined();
  });

  test('each sandbox has its own store', async () => {
    const one = sandboxClient({ seed: {} });
    const two = sandboxClient({ seed: {} });
    await one.call('POST', '/v2/servicerequest/cases', { json: CREATE });
    expect((await one.call('GET', '/v2/servicerequest/cases')).json.total_count).toBe(1);
    expect((await two.call('GET', '/v2/servicerequest/cases')).json.total_count).toBe(0);
  });

  test('reset returns to the seed; a reset with a seed makes it the new one', async () => {
    const { sandbox, call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 0 }] } });
    await call('POST', '/v2/servicerequest/cases/CS1/action?action_id=close', { json: {} });
    sandbox.reset();
    expect((await call('GET', '/v2/servicerequest/cases/CS1/status')).json).toEqual({ status: 0 });
    sandbox.reset({ cases: [{ incident_id: 'CS2', status: 2 }] });
    await call('POST', '/v2/servicerequest/cases/CS2/action?action_id=close', { json: {} });
    sandbox.reset();
    expect(sandbox.state().cases.map((c) => [c.incident_id, c.status])).toEqual([['CS2', 2]]);
    expect(() => sandbox.reset({ cases: 'all' })).toThrow('Invalid seed: cases: must be array');
    expect(sandbox.state().cases).toHaveLength(1);
  });

  test('a spec without the example of a business error it answers is refused at creation', () => {
    const document = structuredClone(loadSpec()) as SpecDocument;
    delete document.components?.examples?.CaseStatusIllegalExample;
    delete document.components?.examples?.CaseStatusIllegalV1Example;
    expect(() => createSandbox({ document })).toThrow('The spec has no named example of the business error OSM.01010034');
  });

  test('the answer check of these tests catches an answer the spec does not allow', () => {
    const { entry } = route('GET', '/v2/servicerequest/cases/CS1/status');
    expect(() => expectValidAnswer(entry, { json: { status: 5 } })).toThrow();
  });
});

describe('the control routes', () => {
  const sandbox = () => createSandbox({ document: loadSpec() as SpecDocument, seed: { cases: [{ incident_id: 'CS1', status: 0 }] } });

  test('GET /__osm/state dumps the store; POST /__osm/reset empties changes', async () => {
    const box = sandbox();
    await callRaw(box, 'POST', '/v2/servicerequest/cases', { json: CREATE });
    const state = answerAdmin(box, 'GET', '/__osm/state', '');
    expect(state?.status).toBe(200);
    expect((JSON.parse([...state!.body].join('')) as { cases: unknown[] }).cases).toHaveLength(2);
    const reset = answerAdmin(box, 'POST', '/__osm/reset', '');
    expect(reset?.status).toBe(200);
    expect(JSON.parse([...reset!.body].join(''))).toMatchObject({ cases: [{ incident_id: 'CS1' }] });
  });

  test('POST /__osm/reset with a seed loads it; a bad one is 400 and changes nothing', () => {
    const box = sandbox();
    expect(answerAdmin(box, 'POST', '/__osm/reset', '{"cases":[{"incident_id":"CS9","status":12}]}')?.status).toBe(200);
    expect(box.state().cases.map((c) => c.incident_id)).toEqual(['CS9']);
    expect(answerAdmin(box, 'POST', '/__osm/reset', '{"cases":[{"status":12}]}')).toEqual({
      status: 400,
      body: [JSON.stringify({ error_code: 'OSM.0001', error_msg: "Invalid seed: cases.0: must have required property 'incident_id'" })],
    });
    const notJson = answerAdmin(box, 'POST', '/__osm/reset', '{not json');
    expect(notJson?.status).toBe(400);
    expect(JSON.parse([...notJson!.body].join(''))).toMatchObject({ error_msg: expect.stringMatching(/^Invalid seed: /) });
    expect(box.state().cases.map((c) => c.incident_id)).toEqual(['CS9']);
  });

  test('other paths under /__osm/ are 404; OSM paths are not control routes', () => {
    const other = answerAdmin(sandbox(), 'DELETE', '/__osm/state', '');
    expect(other?.status).toBe(404);
    expect(JSON.parse([...other!.body].join(''))).toMatchObject({ error_code: 'APIGW.0101' });
    expect(answerAdmin(sandbox(), 'GET', '/v2/servicerequest/cases', '')).toBeUndefined();
  });
});
