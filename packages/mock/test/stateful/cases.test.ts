import { describe, expect, test } from 'vitest';
import { sandboxClient } from '../support/sandbox-client.js';

const CASES = '/v2/servicerequest/cases';
const NEW_CASE = {
  business_type_id: 'bt-1',
  simple_description: 'ECS cannot boot',
  source_id: 'src',
  remind_mail: 'ops@example.com',
  area_code: '86',
};

/** A sandbox with no seeded tickets, and a helper creating tickets. */
function emptySandbox() {
  const client = sandboxClient({ seed: {} });
  const create = async (body: object = NEW_CASE): Promise<string> =>
    (await client.call('POST', CASES, { json: { ...NEW_CASE, ...body } })).json.incident_id;
  return { ...client, create };
}

describe('tickets in the sandbox', () => {
  test('a new ticket gets the next ID of the day, CS + yyyyMMdd + six digits', async () => {
    const { create } = emptySandbox();
    expect(await create()).toBe('CS20260102000001');
    expect(await create()).toBe('CS20260102000002');
  });

  test('a new ticket is to be processed, found by its detail, its status and the list', async () => {
    const { call, create } = emptySandbox();
    const id = await create();
    expect((await call('GET', `${CASES}/${id}/status`)).json).toEqual({ status: 0 });
    const detail = (await call('GET', `${CASES}/${id}`)).json.incident_detail_info;
    expect(detail).toMatchObject({ incident_id: id, status: 0, simple_description: 'ECS cannot boot', create_time: '2026-01-02 03:04:05' });
    expect(detail.ext_info).toEqual({ remind_mail: 'ops@example.com', area_code: '86' });
    expect(detail.message_list).toEqual([
      {
        message_id: 'msg-000001',
        type: 0,
        content: 'ECS cannot boot',
        create_time: '2026-01-02 03:04:05',
        is_first_message: 1,
        accessory_list: [],
      },
    ]);
    const list = (await call('GET', CASES)).json;
    expect(list.total_count).toBe(1);
    expect(list.incident_info_list[0]).toMatchObject({ incident_id: id, status: 0, label_list: [] });
  });

  test('an unknown ticket is OSM.01010015 for every ticket operation', async () => {
    const { call } = emptySandbox();
    const notFound = { error_code: 'OSM.01010015', error_msg: 'This case does not exist.' };
    expect((await call('GET', `${CASES}/CS0/status`)).json).toEqual(notFound);
    expect((await call('GET', `${CASES}/CS0`)).json).toEqual(notFound);
    expect((await call('POST', `${CASES}/CS0/action?action_id=close`, { json: {} })).json).toEqual(notFound);
    expect((await call('PUT', `${CASES}/CS0/contact-info`, { json: { remind_time: '9-18' } })).json).toEqual(notFound);
    expect((await call('POST', `${CASES}/CS0/score`, { json: { judgement: 'ok', incident_satisfaction_list: [] } })).json).toEqual(
      notFound,
    );
    expect((await call('GET', `${CASES}/CS0/messages`)).json).toEqual(notFound);
    expect((await call('GET', `${CASES}/CS0/labels`)).json).toEqual(notFound);
  });

  test('the list pages newest first, with total_count counting every match', async () => {
    let clock = Date.parse('2026-01-02T00:00:00Z');
    const client = sandboxClient({ seed: {}, now: () => new Date(clock) });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock += 60_000;
      ids.push((await client.call('POST', CASES, { json: NEW_CASE })).json.incident_id);
    }
    const page = (await client.call('GET', `${CASES}?offset=1&limit=2`)).json;
    expect(page.total_count).toBe(5);
    expect(page.incident_info_list.map((c: { incident_id: string }) => c.incident_id)).toEqual([ids[3], ids[2]]);
    expect((await client.call('GET', `${CASES}?offset=4&limit=10`)).json.incident_info_list).toHaveLength(1);
    expect((await client.call('GET', `${CASES}?limit=0`)).json).toEqual({ total_count: 5, incident_info_list: [] });
    // No limit: 10 per page.
    for (let i = 0; i < 7; i += 1) await client.call('POST', CASES, { json: NEW_CASE });
    expect((await client.call('GET', CASES)).json.incident_info_list).toHaveLength(10);
  });

  test('the list filters by status, status list, ID, keywords, labels, sub-user and creation time', async () => {
    const { call } = sandboxClient({
      seed: {
        labels: [
          { label_id: 1, name: 'prod', color: '#ff0000' },
          { label_id: 2, name: 'dev', color: '#00ff00' },
        ],
        cases: [
          {
            incident_id: 'CS1',
            status: 0,
            simple_description: 'Disk full on ECS',
            create_time: '2026-01-01 10:00:00',
            label_ids: [1],
            xcustomer_id: 'u1',
            xcustomer_name: 'alice',
          },
          {
            incident_id: 'CS2',
            status: 1,
            simple_description: 'RDS slow',
            create_time: '2026-01-02 10:00:00',
            label_ids: [2],
            xcustomer_id: 'u2',
            xcustomer_name: 'bob',
          },
          { incident_id: 'CS3', status: 3, simple_description: 'ECS login fails', create_time: '2026-01-03 10:00:00', label_ids: [1, 2] },
        ],
      },
    });
    const ids = async (query: string) => {
      const list = (await call('GET', `${CASES}?${query}`)).json;
      expect(list.total_count).toBe(list.incident_info_list.length);
      return list.incident_info_list.map((c: { incident_id: string }) => c.incident_id);
    };
    expect(await ids('status=1')).toEqual(['CS2']);
    expect(await ids('incident_status=0,3')).toEqual(['CS3', 'CS1']);
    expect(await ids('incident_id=CS2')).toEqual(['CS2']);
    expect(await ids('search_key=ecs')).toEqual(['CS3', 'CS1']);
    expect(await ids('search_key=ecs,login')).toEqual(['CS3']);
    expect(await ids('search_key=ecs%20disk')).toEqual(['CS1']);
    expect(await ids('label_id_list=2')).toEqual(['CS3', 'CS2']);
    expect(await ids('x_customer_id=u1')).toEqual(['CS1']);
    expect(await ids('x_customer_name=bob')).toEqual(['CS2']);
    expect(await ids('query_start_time=2026-01-02%2000:00:00')).toEqual(['CS3', 'CS2']);
    expect(await ids('query_end_time=2026-01-02T10:00:00Z')).toEqual(['CS2', 'CS1']);
    expect(await ids(`query_start_time=${Date.parse('2026-01-03T00:00:00Z')}`)).toEqual(['CS3']);
    expect(await ids('status=0&label_id_list=2')).toEqual([]);
    const labels = (await call('GET', `${CASES}?incident_id=CS3`)).json.incident_info_list[0].label_list;
    expect(labels).toEqual([
      { label_id: 1, name: 'prod', color: '#ff0000' },
      { label_id: 2, name: 'dev', color: '#00ff00' },
    ]);
  });

  test('a filter value it cannot read is OSM.01010001', async () => {
    const { call } = emptySandbox();
    const invalid = { error_code: 'OSM.01010001', error_msg: 'Param validation fail.' };
    expect((await call('GET', `${CASES}?query_start_time=yesterday`)).json).toEqual(invalid);
    expect((await call('GET', `${CASES}?incident_status=0,5`)).json).toEqual(invalid);
  });

  test('counts per status follow the tickets', async () => {
    const { call, create } = emptySandbox();
    await create();
    const id = await create();
    await call('POST', `${CASES}/${id}/action?action_id=cancel`, { json: {} });
    const counts = (await call('GET', `${CASES}/count`)).json.incident_status_counts;
    expect(counts).toEqual([0, 1, 2, 3, 4, 12, 17].map((status) => ({ status, count: status === 0 || status === 4 ? 1 : 0 })));
    expect((await call('GET', `${CASES}/count?status=4`)).json).toEqual({ incident_status_counts: [{ status: 4, count: 1 }] });
  });

  test('contact details are updated field by field and shown in the detail', async () => {
    const { call, create } = emptySandbox();
    const id = await create();
    await call('PUT', `${CASES}/${id}/contact-info`, {
      json: { remind_mobile: '13800000000', remind_time: '09:00-18:00', area_code: '0123456789012345678' },
    });
    const ext = (await call('GET', `${CASES}/${id}`)).json.incident_detail_info.ext_info;
    // The detail's area code holds 16 characters (table 5-229); the request's holds 32 (table 5-18).
    expect(ext).toEqual({
      remind_mail: 'ops@example.com',
      remind_mobile: '13800000000',
      remind_time: '09:00-18:00',
      area_code: '0123456789012345',
    });
  });

  test('a score is accepted once the ticket is completed, and shown in the detail', async () => {
    const { call, create } = emptySandbox();
    const id = await create();
    const score = { judgement: 'Quick and right', incident_satisfaction_list: [{ satisfaction_id: 1, satisfaction_value: 5 }] };
    expect((await call('POST', `${CASES}/${id}/score`, { json: score })).json).toEqual({
      error_code: 'OSM.01010034',
      error_msg: 'The status is illegal for this operation.',
    });
    await call('POST', `${CASES}/${id}/action?action_id=close`, { json: {} });
    expect((await call('POST', `${CASES}/${id}/score`, { json: score })).json).toEqual({});
    const detail = (await call('GET', `${CASES}/${id}`)).json.incident_detail_info;
    expect(detail).toMatchObject({ judgement: 'Quick and right', incident_satisfaction: [{ satisfaction_id: 1, satisfaction_value: 5 }] });
  });
});
