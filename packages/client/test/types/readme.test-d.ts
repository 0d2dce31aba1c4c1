// The README's examples, compiled: if the API drifts from what the README shows, this fails.
import { expectTypeOf, test } from 'vitest';
import {
  akSkAuth,
  createOsmClient,
  downloadAttachment,
  downloadImage,
  exportCases,
  iamPasswordAuth,
  type OsmSchema,
  paginate,
  uploadAttachment,
  uploadAttachmentAsBase64,
} from '../../src/index.js';

declare const env: Record<string, string | undefined>;
declare const file: File;
declare const bytes: Uint8Array;
declare const ticket: OsmSchema<'CreateCasesRequestBody'>;

test('the first example', async () => {
  const client = createOsmClient({
    auth: akSkAuth({ accessKey: env.HW_AK!, secretKey: env.HW_SK!, domainId: env.HW_DOMAIN_ID! }),
    language: 'en-us',
  });
  const { data, error } = await client.GET('/v2/servicerequest/cases/{case_id}/status', {
    params: { path: { case_id: 'CS20240101000001' } },
  });
  if (error) {
    expectTypeOf(error.solution).toEqualTypeOf<string | undefined>();
  } else {
    expectTypeOf(data.status).toEqualTypeOf<0 | 1 | 2 | 3 | 4 | 12 | 17 | undefined>();
  }
});

test('auth, errors, files and lists', async () => {
  createOsmClient({ auth: { token: 'MIIZ...' } });
  createOsmClient({ auth: { token: async () => 'from a vault' } });
  const client = createOsmClient({ auth: iamPasswordAuth({ userName: 'u', password: 'p', domainName: 'd' }) });

  const { error } = await client.POST('/v2/servicerequest/cases', { body: ticket });
  if (error?.isCatalogued()) expectTypeOf(error.code).toExtend<`OSM.${string}`>();

  const { data } = await uploadAttachment(client, { file, accessoryFrom: 'message' });
  await uploadAttachmentAsBase64(client, { file: bytes, fileName: 'log.txt', accessoryFrom: 'message' });
  await downloadAttachment(client, data!.accessory_id!);
  await downloadImage(client, 'id', { as: 'stream' });
  const report = await exportCases(client, { language: 'en-us', timezone: 'GMT+8', status: 3 });
  if (report.data) expectTypeOf(report.data.fileName).toEqualTypeOf<string | undefined>();

  for await (const item of paginate(client, '/v2/servicerequest/cases', { params: { query: { status: 1 } } })) {
    expectTypeOf(item.incident_id).toEqualTypeOf<string | undefined>();
  }
});
