// The journey of one ticket through the typed client, against a stateful mock (server or MSW): create,
// find it in the list, leave a message with an attachment, label it, change its contact details, urge,
// close, rate; then what OSM refuses afterwards.
import { type createOsmClient, downloadAttachment, OsmError, uploadAttachment } from '@osm-openapi/client';
import { expect } from 'vitest';

type Client = ReturnType<typeof createOsmClient>;

/** Every byte value, so that a re-encoded download shows. */
export const ATTACHMENT = Uint8Array.from({ length: 1024 }, (_, i) => i % 256);

async function ok<T>(call: Promise<{ data?: T; error?: unknown }>): Promise<T> {
  const { data, error } = await call;
  expect(error).toBeUndefined();
  return data as T;
}

/** Runs the journey; throws (through `expect`) at the first step that goes wrong. */
export async function ticketJourney(client: Client): Promise<void> {
  // Create, then find it: in the list (filters and total_count), its detail and its status.
  const { incident_id: id } = await ok(
    client.POST('/v2/servicerequest/cases', {
      body: { business_type_id: 'bt-ecs', simple_description: 'ECS i-123 does not boot', source_id: 'api', remind_mail: 'ops@example.com' },
    }),
  );
  expect(id).toMatch(/^CS\d{14}$/);
  const open = await ok(client.GET('/v2/servicerequest/cases', { params: { query: { status: 0, search_key: ['boot'], limit: 10 } } }));
  expect(open.total_count).toBe(open.incident_info_list?.length);
  expect(open.incident_info_list?.map((c) => c.incident_id)).toContain(id);
  expect(await ok(client.GET('/v2/servicerequest/cases/{case_id}/status', { params: { path: { case_id: id! } } }))).toEqual({ status: 0 });
  const path = { params: { path: { case_id: id! } } };

  // A message with an attachment uploaded first; the attachment downloads byte for byte.
  const file = new File([ATTACHMENT], 'console.log', { type: 'text/plain' });
  const { accessory_id: accessoryId } = await ok(uploadAttachment(client, { file, fileName: 'console.log', accessoryFrom: 'message' }));
  await ok(
    client.POST('/v2/servicerequest/cases/{case_id}/message', {
      ...path,
      body: { message: { content: 'Console output attached.', accessory_ids: [accessoryId!] } },
    }),
  );
  const messages = await ok(client.GET('/v2/servicerequest/cases/{case_id}/messages', path));
  expect(messages.count).toBe(2);
  expect(messages.message_list?.[1]).toMatchObject({
    content: 'Console output attached.',
    accessory_list: [{ accessory_id: accessoryId, file_actual_name: 'console.log' }],
  });
  const download = await downloadAttachment(client, accessoryId!);
  expect(download.error).toBeUndefined();
  expect(download.data?.fileName).toBe('console.log');
  expect(new Uint8Array(await (download.data!.body as Blob).arrayBuffer())).toEqual(ATTACHMENT);

  // A label: created, attached, found by the list's label filter.
  await ok(client.POST('/v2/servicerequest/labels', { body: { name: `prod-${id}`, color: '#ff0000' } }));
  const labels = await ok(client.GET('/v2/servicerequest/labels', { params: { query: { name: `prod-${id}` } } }));
  const labelId = labels.label_list?.[0]?.label_id;
  expect(labelId).toBeTypeOf('number');
  await ok(
    client.POST('/v2/servicerequest/cases/{case_id}/labels', { params: { path: { case_id: id! }, query: { label_ids: [labelId!] } } }),
  );
  const labelled = await ok(client.GET('/v2/servicerequest/cases', { params: { query: { label_id_list: [String(labelId)] } } }));
  expect(labelled.incident_info_list?.map((c) => c.incident_id)).toEqual([id]);

  // Contact details, an urge, then close and rate.
  await ok(
    client.PUT('/v2/servicerequest/cases/{case_id}/contact-info', { ...path, body: { remind_mobile: '13800000000', area_code: '86' } }),
  );
  await ok(
    client.POST('/v2/servicerequest/cases/{case_id}/action', {
      params: { path: { case_id: id! }, query: { action_id: 'press' } },
      body: {},
    }),
  );
  await ok(
    client.POST('/v2/servicerequest/cases/{case_id}/action', {
      params: { path: { case_id: id! }, query: { action_id: 'close' } },
      body: { operate_desc: 'Fixed by a reboot' },
    }),
  );
  await ok(
    client.POST('/v2/servicerequest/cases/{case_id}/score', {
      ...path,
      body: { judgement: 'Quick help', incident_satisfaction_list: [{ satisfaction_id: 1, satisfaction_value: 5 }] },
    }),
  );
  const detail = (await ok(client.GET('/v2/servicerequest/cases/{case_id}', path))).incident_detail_info;
  expect(detail).toMatchObject({
    status: 3,
    judgement: 'Quick help',
    incident_satisfaction: [{ satisfaction_id: 1, satisfaction_value: 5 }],
  });
  expect(detail?.ext_info).toMatchObject({ remind_mail: 'ops@example.com', remind_mobile: '13800000000', area_code: '86' });

  // What OSM refuses now, as typed errors with HTTP 200: a completed ticket cannot be canceled or
  // take messages; once deleted, it does not exist.
  const cancel = await client.POST('/v2/servicerequest/cases/{case_id}/action', {
    params: { path: { case_id: id! }, query: { action_id: 'cancel' } },
    body: {},
  });
  expect(cancel.error).toBeInstanceOf(OsmError);
  expect(cancel.error).toMatchObject({ code: 'OSM.01010034', httpStatus: 200, message: 'The status is illegal for this operation.' });
  const late = await client.POST('/v2/servicerequest/cases/{case_id}/message', {
    ...path,
    body: { message: { content: 'One more thing' } },
  });
  expect(late.error?.code).toBe('OSM.01010034');
  await ok(
    client.POST('/v2/servicerequest/cases/{case_id}/action', {
      params: { path: { case_id: id! }, query: { action_id: 'delete' } },
      body: {},
    }),
  );
  const gone = await client.GET('/v2/servicerequest/cases/{case_id}/status', path);
  expect(gone.error?.code).toBe('OSM.01010015');
  expect((await ok(client.GET('/v2/servicerequest/cases', { params: { query: { incident_id: id } } }))).total_count).toBe(0);
}
