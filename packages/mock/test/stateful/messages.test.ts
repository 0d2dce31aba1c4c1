import { describe, expect, test } from 'vitest';
import { sandboxClient } from '../support/sandbox-client.js';

const CASES = '/v2/servicerequest/cases';

describe('messages (5.10.3, 5.10.5)', () => {
  test('a message appears in the message list and in the detail, after the description', async () => {
    const { call } = sandboxClient({ seed: {} });
    const { incident_id: id } = (
      await call('POST', CASES, { json: { business_type_id: 'b', simple_description: 'first', source_id: 's' } })
    ).json;
    expect((await call('POST', `${CASES}/${id}/message`, { json: { message: { content: 'second' } } })).json).toEqual({});
    const list = (await call('GET', `${CASES}/${id}/messages`)).json;
    expect(list.count).toBe(2);
    expect(list.message_list.map((m: { content: string; is_first_message: number }) => [m.content, m.is_first_message])).toEqual([
      ['first', 1],
      ['second', 0],
    ]);
    const detail = (await call('GET', `${CASES}/${id}`)).json.incident_detail_info;
    expect(detail.message_list.map((m: { message_id: string }) => m.message_id)).toEqual(['msg-000001', 'msg-000002']);
  });

  test('the message list pages with offset and limit, counting all messages', async () => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 1 }] } });
    for (const content of ['a', 'b', 'c']) await call('POST', `${CASES}/CS1/message`, { json: { message: { content } } });
    const page = (await call('GET', `${CASES}/CS1/messages?offset=1&limit=1`)).json;
    expect(page).toMatchObject({ count: 3, message_list: [{ content: 'b' }] });
  });

  test('a long message is listed within the 400 characters of the list (table 5-197) and whole in the detail', async () => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 1 }] } });
    const content = 'x'.repeat(2000);
    await call('POST', `${CASES}/CS1/message`, { json: { message: { content } } });
    expect((await call('GET', `${CASES}/CS1/messages`)).json.message_list[0].content).toHaveLength(400);
    expect((await call('GET', `${CASES}/CS1`)).json.incident_detail_info.message_list[0].content).toBe(content);
  });

  test.each([3, 4, 12] as const)('a ticket in status %i takes no more messages (OSM.01010034)', async (status) => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status }] } });
    expect((await call('POST', `${CASES}/CS1/message`, { json: { message: { content: 'hello?' } } })).json).toMatchObject({
      error_code: 'OSM.01010034',
    });
    expect((await call('GET', `${CASES}/CS1/messages`)).json.count).toBe(0);
  });

  test('a message naming an attachment never uploaded is OSM.01010045 and is not kept', async () => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 0 }] } });
    const answer = (await call('POST', `${CASES}/CS1/message`, { json: { message: { content: 'see file', accessory_ids: ['999'] } } }))
      .json;
    expect(answer).toEqual({ error_code: 'OSM.01010045', error_msg: 'The accessory is invalid.' });
    expect((await call('GET', `${CASES}/CS1/messages`)).json.count).toBe(0);
  });
});
