import { describe, expect, test } from 'vitest';
import { sandboxClient } from '../support/sandbox-client.js';

const LABELS = '/v2/servicerequest/labels';
const CASES = '/v2/servicerequest/cases';

function labelled() {
  return sandboxClient({
    seed: {
      cases: [
        { incident_id: 'CS1', status: 0 },
        { incident_id: 'CS2', status: 1 },
      ],
    },
  });
}

describe('labels (5.9)', () => {
  test('a created label is listed with a new ID; renaming and deleting show in every list', async () => {
    const { call } = labelled();
    expect((await call('POST', LABELS, { json: { name: 'prod', color: '#ff0000' } })).json).toEqual({});
    await call('POST', LABELS, { json: { name: 'dev', color: '#00ff00' } });
    expect((await call('GET', LABELS)).json).toEqual({
      total_count: 2,
      label_list: [
        { label_id: 1, name: 'prod', color: '#ff0000' },
        { label_id: 2, name: 'dev', color: '#00ff00' },
      ],
    });
    await call('POST', `${CASES}/CS1/labels?label_ids=1,2`);
    await call('PUT', `${LABELS}/1`, { json: { name: 'production', color: '#ff0000' } });
    expect((await call('GET', `${CASES}/CS1/labels`)).json.case_label_list.map((l: { name: string }) => l.name)).toEqual([
      'production',
      'dev',
    ]);
    await call('DELETE', `${LABELS}/1`);
    expect((await call('GET', `${CASES}/CS1/labels`)).json).toEqual({ case_label_list: [{ label_id: 2, name: 'dev', color: '#00ff00' }] });
    expect((await call('GET', `${CASES}?incident_id=CS1`)).json.incident_info_list[0].label_list).toEqual([
      { label_id: 2, name: 'dev', color: '#00ff00' },
    ]);
    expect((await call('GET', `${CASES}?label_id_list=1`)).json.total_count).toBe(0);
    expect((await call('GET', LABELS)).json.total_count).toBe(1);
  });

  test('a label ID is never given twice, even after a deletion', async () => {
    const { call } = labelled();
    await call('POST', LABELS, { json: { name: 'a', color: '#000000' } });
    await call('POST', LABELS, { json: { name: 'b', color: '#000000' } });
    await call('DELETE', `${LABELS}/1`);
    await call('POST', LABELS, { json: { name: 'c', color: '#000000' } });
    expect((await call('GET', LABELS)).json.label_list.map((l: { label_id: number }) => l.label_id)).toEqual([2, 3]);
  });

  test('listing filters by name and ID and pages', async () => {
    const { call } = labelled();
    for (const name of ['alpha', 'beta', 'alphabet']) await call('POST', LABELS, { json: { name, color: '#000000' } });
    expect((await call('GET', `${LABELS}?name=alpha`)).json.total_count).toBe(2);
    expect((await call('GET', `${LABELS}?label_id=2`)).json.label_list).toEqual([{ label_id: 2, name: 'beta', color: '#000000' }]);
    expect((await call('GET', `${LABELS}?offset=1&limit=1`)).json).toEqual({
      total_count: 3,
      label_list: [{ label_id: 2, name: 'beta', color: '#000000' }],
    });
  });

  test('the business rules of 7.1: unique names, 30 labels, 5 per ticket, existing labels', async () => {
    const { call } = labelled();
    await call('POST', LABELS, { json: { name: 'x', color: '#000000' } });
    expect((await call('POST', LABELS, { json: { name: 'x', color: '#111111' } })).json).toEqual({
      error_code: 'OSM.01010040',
      error_msg: 'LabelName already exist.',
    });
    await call('POST', LABELS, { json: { name: 'y', color: '#000000' } });
    expect((await call('PUT', `${LABELS}/2`, { json: { name: 'x', color: '#000000' } })).json).toMatchObject({
      error_code: 'OSM.01010040',
    });
    expect((await call('PUT', `${LABELS}/2`, { json: { name: 'y', color: '#222222' } })).json).toEqual({});
    for (let i = 3; i <= 30; i += 1) await call('POST', LABELS, { json: { name: `l${i}`, color: '#000000' } });
    expect((await call('POST', LABELS, { json: { name: 'one too many', color: '#000000' } })).json).toMatchObject({
      error_code: 'OSM.01010041',
    });
    expect((await call('POST', `${CASES}/CS1/labels?label_ids=1,2,3,4,5`)).json).toEqual({});
    expect((await call('POST', `${CASES}/CS1/labels?label_ids=1`)).json).toEqual({});
    expect((await call('POST', `${CASES}/CS1/labels?label_ids=6`)).json).toMatchObject({ error_code: 'OSM.01010042' });
    expect((await call('GET', `${CASES}/CS1/labels`)).json.case_label_list).toHaveLength(5);
    expect((await call('POST', `${CASES}/CS2/labels?label_ids=99`)).json).toEqual({
      error_code: 'OSM.01010039',
      error_msg: 'The labelId is not exist.',
    });
    expect((await call('DELETE', `${CASES}/CS1/labels?label_ids=99`)).json).toMatchObject({ error_code: 'OSM.01010039' });
    expect((await call('DELETE', `${LABELS}/99`)).json).toMatchObject({ error_code: 'OSM.01010039' });
    expect((await call('PUT', `${LABELS}/99`, { json: { name: 'z', color: '#000000' } })).json).toMatchObject({
      error_code: 'OSM.01010039',
    });
  });

  test('detaching leaves the label itself; repeated keys work like a comma list', async () => {
    const { call } = labelled();
    for (const name of ['a', 'b', 'c']) await call('POST', LABELS, { json: { name, color: '#000000' } });
    await call('POST', `${CASES}/CS1/labels?label_ids=1&label_ids=2&label_ids=3`);
    await call('DELETE', `${CASES}/CS1/labels?label_ids=1,3`);
    expect((await call('GET', `${CASES}/CS1/labels`)).json.case_label_list.map((l: { label_id: number }) => l.label_id)).toEqual([2]);
    expect((await call('GET', LABELS)).json.total_count).toBe(3);
  });
});

test('the ID of a deleted label, or of a deleted attachment, is not given again', async () => {
  const { call } = sandboxClient({ seed: {} });
  await call('POST', LABELS, { json: { name: 'a', color: '#000000' } });
  await call('DELETE', `${LABELS}/1`);
  await call('POST', LABELS, { json: { name: 'b', color: '#000000' } });
  expect((await call('GET', LABELS)).json.label_list).toEqual([{ label_id: 2, name: 'b', color: '#000000' }]);
  const upload = { accessory_name: 'a.txt', accessory_data: 'SGVsbG8=' };
  const first = (await call('POST', '/v2/servicerequest/accessorys/json-format-content', { json: upload })).json.accessory_id;
  await call('DELETE', `/v2/servicerequest/accessorys/${first}`);
  expect((await call('POST', '/v2/servicerequest/accessorys/json-format-content', { json: upload })).json.accessory_id).not.toBe(first);
});
