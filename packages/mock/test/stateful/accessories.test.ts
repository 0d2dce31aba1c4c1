import { describe, expect, test } from 'vitest';
import { sandboxClient } from '../support/sandbox-client.js';

const ACCESSORYS = '/v2/servicerequest/accessorys';
const INVALID = { error_code: 'OSM.01010045', error_msg: 'The accessory is invalid.' };

/** Every byte value, twice, so that any re-encoding shows. */
const BYTES = Uint8Array.from({ length: 512 }, (_, i) => i % 256);

function form(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string, formData = '{"accessoryFrom":"message"}'): FormData {
  const body = new FormData();
  body.append('file', new Blob([bytes], { type }), fileName);
  body.append('form_data', formData);
  return body;
}

describe('attachments (5.5)', () => {
  test('a form-data upload downloads byte for byte, under its name', async () => {
    const { call } = sandboxClient({ seed: {} });
    const { accessory_id: id } = (await call('POST', ACCESSORYS, { form: form(BYTES, 'dump.bin', 'application/octet-stream') })).json;
    expect(id).toBe('100001');
    const { file } = await call('GET', `${ACCESSORYS}/${id}`);
    expect(file?.bytes).toEqual(BYTES);
    expect(file?.mediaType).toBe('application/octet-stream');
    expect(file?.disposition).toBe(`attachment; filename="dump.bin"; filename*=UTF-8''dump.bin`);
  });

  test("form_data's fileName names the file; a name outside ASCII keeps its exact form in filename*", async () => {
    const { call } = sandboxClient({ seed: {} });
    const { accessory_id: id } = (
      await call('POST', ACCESSORYS, { form: form(BYTES, 'x.bin', '', '{"fileName":"报告 \\"1\\".txt","accessoryFrom":"incident"}') })
    ).json;
    const { file } = await call('GET', `${ACCESSORYS}/${id}`);
    expect(file?.disposition).toBe(`attachment; filename="__ _1_.txt"; filename*=UTF-8''${encodeURIComponent('报告 "1".txt')}`);
  });

  test('a Base64 upload (5.5.2) downloads as the decoded bytes', async () => {
    const { call } = sandboxClient({ seed: {} });
    const { accessory_id: id } = (
      await call('POST', `${ACCESSORYS}/json-format-content`, { json: { accessory_name: 'hello.txt', accessory_data: 'SGVsbG8sIE9TTSE=' } })
    ).json;
    expect(new TextDecoder().decode((await call('GET', `${ACCESSORYS}/${id}`)).file?.bytes)).toBe('Hello, OSM!');
  });

  test('an uploaded image is shown in its own type; other files are not images', async () => {
    const { call } = sandboxClient({ seed: {} });
    const png = (await call('POST', ACCESSORYS, { form: form(BYTES, 'shot.png', 'image/png') })).json.accessory_id;
    const gif = (await call('POST', `${ACCESSORYS}/json-format-content`, { json: { accessory_name: 'a.GIF', accessory_data: 'R0lGODlh' } }))
      .json.accessory_id;
    const text = (await call('POST', ACCESSORYS, { form: form(BYTES, 'notes.txt', 'text/plain') })).json.accessory_id;
    const image = (await call('GET', `${ACCESSORYS}/${png}/image`)).file;
    expect(image).toMatchObject({ mediaType: 'image/png', bytes: BYTES });
    expect(image?.disposition).toMatch(/^inline; filename="shot.png"/);
    expect((await call('GET', `${ACCESSORYS}/${gif}/image`)).file?.mediaType).toBe('image/gif');
    expect((await call('GET', `${ACCESSORYS}/${text}/image`)).json).toEqual(INVALID);
  });

  test('a deleted attachment is gone; messages that listed it keep listing it', async () => {
    const { call } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 1 }] } });
    const id = (await call('POST', ACCESSORYS, { form: form(BYTES, 'log.txt', 'text/plain') })).json.accessory_id;
    await call('POST', '/v2/servicerequest/cases/CS1/message', { json: { message: { content: 'log attached', accessory_ids: [id] } } });
    expect((await call('DELETE', `${ACCESSORYS}/${id}`)).json).toEqual({});
    expect((await call('GET', `${ACCESSORYS}/${id}`)).json).toEqual(INVALID);
    expect((await call('DELETE', `${ACCESSORYS}/${id}`)).json).toEqual(INVALID);
    const messages = (await call('GET', '/v2/servicerequest/cases/CS1/messages')).json.message_list;
    expect(messages[0].accessory_list).toEqual([{ accessory_id: id, file_actual_name: 'log.txt' }]);
  });

  test('attachments uploaded first can be named when creating a ticket', async () => {
    const { call } = sandboxClient({ seed: {} });
    const id = (await call('POST', ACCESSORYS, { form: form(BYTES, 'error.png', 'image/png') })).json.accessory_id;
    const create = { business_type_id: 'b', simple_description: 'see screenshot', source_id: 's' };
    expect((await call('POST', '/v2/servicerequest/cases', { json: { ...create, accessory_ids: ['404'] } })).json).toEqual(INVALID);
    const caseId = (await call('POST', '/v2/servicerequest/cases', { json: { ...create, accessory_ids: [id] } })).json.incident_id;
    const detail = (await call('GET', `/v2/servicerequest/cases/${caseId}`)).json.incident_detail_info;
    expect(detail.message_list[0].accessory_list).toEqual([{ accessory_id: id, file_actual_name: 'error.png' }]);
  });
});
