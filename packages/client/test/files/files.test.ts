import { describe, expect, test } from 'vitest';
import {
  createOsmClient,
  downloadAttachment,
  downloadImage,
  exportCases,
  OsmTimeoutError,
  uploadAttachment,
  uploadAttachmentAsBase64,
} from '../../src/index.js';
import { fakeFetch, json, type Responder } from '../support/fake-fetch.js';

const BASE = 'https://osm.ap-southeast-3.myhuaweicloud.com';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);

function clientWith(respond: Responder) {
  const fake = fakeFetch(respond);
  return { fake, client: createOsmClient({ fetch: fake.fetch, retry: false }) };
}

const fileResponse = (body: BodyInit, disposition: string, type = 'application/octet-stream') =>
  new Response(body, { headers: { 'Content-Type': type, 'Content-Disposition': disposition } });

describe('uploadAttachment (multipart, 5.5.1)', () => {
  test('sends the file part with its name and type, and form_data as the JSON text of its typed fields', async () => {
    const { fake, client } = clientWith(() => json({ accessory_id: 'acc-1' }));
    const { data } = await uploadAttachment(client, {
      file: new File([PNG], 'screen shot.png', { type: 'image/png' }),
      accessoryFrom: 'message',
      uploadType: 1,
    });

    expect(data).toEqual({ accessory_id: 'acc-1' });
    const sent = fake.requests[0]!;
    expect(`${sent.method} ${sent.url}`).toBe(`POST ${BASE}/v2/servicerequest/accessorys`);
    const form = await sent.formData();
    const file = form.get('file') as File;
    expect([file.name, file.type, new Uint8Array(await file.arrayBuffer())]).toEqual(['screen shot.png', 'image/png', PNG]);
    expect(form.get('form_data')).toBe('{"fileName":"screen shot.png","accessoryFrom":"message","uploadType":1}');
  });

  test('takes bytes with a file name; an upload type left out is left out of form_data', async () => {
    const { fake, client } = clientWith(() => json({ accessory_id: 'acc-2' }));
    await uploadAttachment(client, { file: PNG.buffer, fileName: 'raw.bin', accessoryFrom: 'incident' });
    const form = await fake.requests[0]!.formData();
    expect((form.get('file') as File).name).toBe('raw.bin');
    expect(form.get('form_data')).toBe('{"fileName":"raw.bin","accessoryFrom":"incident"}');
  });

  test('returns a business error as error', async () => {
    const { client } = clientWith(() => json({ error_code: 'OSM.01010005', error_msg: 'Upload accessory size exceeded limit today.' }));
    const { error } = await uploadAttachment(client, { file: new Blob(['x']), accessoryFrom: 'message' });
    expect(error?.code).toBe('OSM.01010005');
  });
});

describe('uploadAttachmentAsBase64 (JSON, 5.5.2)', () => {
  test('sends the content Base64-encoded, with name, source and upload type', async () => {
    const { fake, client } = clientWith(() => json({ accessory_id: 'acc-3' }));
    const { data } = await uploadAttachmentAsBase64(client, { file: PNG, fileName: 'a.png', accessoryFrom: 'message', uploadType: 1 });

    expect(data).toEqual({ accessory_id: 'acc-3' });
    const sent = fake.requests[0]!;
    expect(`${sent.method} ${sent.url}`).toBe(`POST ${BASE}/v2/servicerequest/accessorys/json-format-content`);
    expect(await sent.json()).toEqual({
      accessory_name: 'a.png',
      accessory_from: 'message',
      upload_type: 1,
      accessory_data: Buffer.from(PNG).toString('base64'),
    });
  });

  test('encodes files larger than one chunk, and takes the name of a File', async () => {
    const big = new Uint8Array(200_001).map((_, i) => (i * 31) % 256);
    const { fake, client } = clientWith(() => json({ accessory_id: 'acc-4' }));
    await uploadAttachmentAsBase64(client, { file: new File([big], 'big.bin') });
    const body = (await fake.requests[0]!.json()) as { accessory_name: string; accessory_data: string };
    expect(body.accessory_name).toBe('big.bin');
    expect(body.accessory_data).toBe(Buffer.from(big).toString('base64'));
  });
});

describe('downloads', () => {
  test('downloadAttachment gives a Blob, the file name (filename*) and the content type', async () => {
    const { fake, client } = clientWith(() =>
      fileResponse(PNG, `attachment; filename="x.png"; filename*=UTF-8''%E6%88%AA%E5%9B%BE.png`, 'image/png'),
    );
    const { data, error } = await downloadAttachment(client, 'acc-1', { groupId: 'g-1' });

    expect(error).toBeUndefined();
    expect(data?.body).toBeInstanceOf(Blob);
    expect(new Uint8Array(await data!.body.arrayBuffer())).toEqual(PNG);
    expect(data?.fileName).toBe('截图.png');
    expect(data?.contentType).toBe('image/png');
    expect(fake.requests[0]!.url).toBe(`${BASE}/v2/servicerequest/accessorys/acc-1?group_id=g-1`);
  });

  test('downloadAttachment joins several IDs with commas, and streams on request', async () => {
    const { fake, client } = clientWith(() => fileResponse('zip-bytes', 'attachment; filename=files.zip'));
    const { data } = await downloadAttachment(client, ['a', 'b'], { as: 'stream' });

    expect(data?.body).toBeInstanceOf(ReadableStream);
    expect(await new Response(data!.body).text()).toBe('zip-bytes');
    expect(data?.fileName).toBe('files.zip');
    expect(decodeURIComponent(new URL(fake.requests[0]!.url).pathname)).toBe('/v2/servicerequest/accessorys/a,b');
  });

  test('downloadImage reads the image endpoint', async () => {
    const { fake, client } = clientWith(() => fileResponse(PNG, 'inline; filename="shot.png"', 'image/png'));
    const { data } = await downloadImage(client, 'acc-9');
    expect(data?.fileName).toBe('shot.png');
    expect(fake.requests[0]!.url).toBe(`${BASE}/v2/servicerequest/accessorys/acc-9/image`);
  });

  test('exportCases sends the export filters, list parameters comma-separated', async () => {
    const { fake, client } = clientWith(() => fileResponse('xlsx', `attachment; filename*=UTF-8''export.xlsx`));
    const { data } = await exportCases(client, { language: 'en-us', timezone: 'GMT+8', status: 0, tenant_source_id_list: ['s1', 's2'] });
    expect(data?.fileName).toBe('export.xlsx');
    expect(await data?.body.text()).toBe('xlsx');
    expect(fake.requests[0]!.url).toBe(
      `${BASE}/v2/servicerequest/cases/export?language=en-us&timezone=GMT%2B8&status=0&tenant_source_id_list=s1,s2`,
    );
  });

  test('a JSON business error instead of the file is error, for blobs and streams', async () => {
    const { client } = clientWith(() => json({ error_code: 'OSM.01010013', error_msg: 'Accessory invalid.' }));
    expect((await downloadAttachment(client, 'gone')).error?.code).toBe('OSM.01010013');
    expect((await downloadImage(client, 'gone', { as: 'stream' })).error?.code).toBe('OSM.01010013');
    expect((await exportCases(client, { language: 'en-us', timezone: 'GMT+8' })).error?.code).toBe('OSM.01010013');
  });

  test('a streamed download outlives timeoutMs once its headers have arrived', async () => {
    const slow = new ReadableStream<Uint8Array>({
      start: (controller) => {
        setTimeout(() => {
          controller.enqueue(new TextEncoder().encode('late bytes'));
          controller.close();
        }, 60);
      },
    });
    const { client } = clientWith(() => fileResponse(slow, 'attachment; filename=slow.bin'));
    const { data } = await downloadAttachment(client, 'a', { as: 'stream', timeoutMs: 20 });
    expect(await new Response(data!.body).text()).toBe('late bytes');
  });

  test('a file without Content-Disposition has no name; call options (timeoutMs) apply', async () => {
    const { client } = clientWith(() => new Response('bytes'));
    expect((await downloadAttachment(client, 'a')).data?.fileName).toBeUndefined();
    const { client: stalled } = clientWith(() => new Promise(() => {}));
    await expect(downloadAttachment(stalled, 'a', { timeoutMs: 10 })).rejects.toBeInstanceOf(OsmTimeoutError);
  });
});
