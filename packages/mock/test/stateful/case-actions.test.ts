import { describe, expect, test } from 'vitest';
import { CASE_STATUSES, type CaseAction, type CaseStatus } from '../../src/stateful/lifecycle.js';
import { sandboxClient } from '../support/sandbox-client.js';

const CASES = '/v2/servicerequest/cases';
const STATUS_ILLEGAL = { error_code: 'OSM.01010034', error_msg: 'The status is illegal for this operation.' };

// Allowed moves, from the lifecycle table (lifecycle.ts); everything else is OSM.01010034.
const ALLOWED: Record<CaseAction, Partial<Record<CaseStatus, CaseStatus | 'deleted'>>> = {
  cancel: { 0: 4, 1: 4, 17: 4 },
  close: { 0: 3, 1: 3, 2: 3, 17: 3 },
  press: { 0: 0, 1: 1, 2: 2, 17: 17 },
  delete: { 3: 'deleted', 4: 'deleted', 12: 'deleted' },
};

const pairs = (Object.keys(ALLOWED) as CaseAction[]).flatMap((action) => CASE_STATUSES.map((status) => [action, status] as const));

describe('ticket operations (5.3.8)', () => {
  test.each(pairs)('%s on a ticket in status %i', async (action, status) => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status }] } });
    const answer = (await call('POST', `${CASES}/CS1/action?action_id=${action}`, { json: { operate_desc: 'test' } })).json;
    const expected = ALLOWED[action][status];
    const after = (await call('GET', `${CASES}/CS1/status`)).json;
    if (expected === undefined) {
      expect(answer).toEqual(STATUS_ILLEGAL);
      expect(after).toEqual({ status });
    } else if (expected === 'deleted') {
      expect(answer).toEqual({});
      expect(after).toEqual({ error_code: 'OSM.01010015', error_msg: 'This case does not exist.' });
      expect((await call('GET', `${CASES}?incident_id=CS1`)).json.total_count).toBe(0);
    } else {
      expect(answer).toEqual({});
      expect(after).toEqual({ status: expected });
    }
  });

  test('closing with an evaluation records it', async () => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 2 }] } });
    const evaluation = { judgement: 'Solved', incident_satisfaction_list: [{ satisfaction_id: 3, satisfaction_value: 4 }] };
    await call('POST', `${CASES}/CS1/action?action_id=close`, { json: evaluation });
    expect((await call('GET', `${CASES}/CS1`)).json.incident_detail_info).toMatchObject({
      status: 3,
      judgement: 'Solved',
      incident_satisfaction: [{ satisfaction_id: 3, satisfaction_value: 4 }],
    });
  });

  test('an action without a body works', async () => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 0 }] } });
    expect((await call('POST', `${CASES}/CS1/action?action_id=press`)).json).toEqual({});
  });
});

test('the ID of a deleted ticket is not given again', async () => {
  const { call } = sandboxClient({ seed: {} });
  const create = { business_type_id: 'b', simple_description: 'd', source_id: 's' };
  const first = (await call('POST', CASES, { json: create })).json.incident_id;
  await call('POST', `${CASES}/${first}/action?action_id=cancel`);
  await call('POST', `${CASES}/${first}/action?action_id=delete`);
  expect((await call('POST', CASES, { json: create })).json.incident_id).not.toBe(first);
});
