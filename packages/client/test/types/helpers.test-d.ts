// Compile-time guarantees of the error, auth, file and pagination types.
import { describe, expectTypeOf, test } from 'vitest';
import {
  akSkAuth,
  createOsmClient,
  downloadAttachment,
  exportCases,
  iamPasswordAuth,
  type OsmCatalogueCode,
  type OsmError,
  type OsmErrorCode,
  type OsmPageItem,
  type OsmSchema,
  paginate,
  uploadAttachment,
} from '../../src/index.js';

const client = createOsmClient();

describe('OsmError', () => {
  test('code is the catalogue union, open to other strings', () => {
    expectTypeOf<'OSM.01010015'>().toExtend<OsmCatalogueCode>();
    expectTypeOf<'APIGW.0308'>().not.toExtend<OsmCatalogueCode>();
    expectTypeOf<'APIGW.0308'>().toExtend<OsmErrorCode>();
    expectTypeOf<OsmCatalogueCode>().toExtend<OsmErrorCode>();
  });

  test('isCatalogued narrows code to the catalogue', () => {
    const error = {} as OsmError;
    if (error.isCatalogued()) expectTypeOf(error.code).toEqualTypeOf<OsmCatalogueCode>();
    expectTypeOf(error.description).toEqualTypeOf<string | undefined>();
    expectTypeOf(error.httpStatus).toEqualTypeOf<number>();
  });
});

describe('auth option', () => {
  test('takes a token, a provider or an OsmAuth (AK/SK through akSkAuth); nothing half-formed', () => {
    createOsmClient({ auth: { token: 't' } });
    createOsmClient({ auth: { token: async () => 't' } });
    createOsmClient({ auth: akSkAuth({ accessKey: 'a', secretKey: 's', domainId: 'd' }) });
    createOsmClient({ auth: iamPasswordAuth({ userName: 'u', password: 'p', domainName: 'd', scope: { projectName: 'ap-southeast-3' } }) });
    // @ts-expect-error AK/SK needs the account (domain) ID
    akSkAuth({ accessKey: 'a', secretKey: 's' });
    // @ts-expect-error AK/SK has no shorthand: akSkAuth keeps its code out of token-only bundles
    createOsmClient({ auth: { accessKey: 'a', secretKey: 's', domainId: 'd' } });
    // @ts-expect-error a scope is a project or a domain, by ID or name
    iamPasswordAuth({ userName: 'u', password: 'p', domainName: 'd', scope: { region: 'x' } });
  });
});

describe('pagination', () => {
  test('items are typed from the operation, paths limited to list operations', () => {
    expectTypeOf<OsmPageItem<'/v2/servicerequest/cases'>>().toEqualTypeOf<OsmSchema<'IncidentInfoV2'>>();
    expectTypeOf<OsmPageItem<'/v1.0/servicerequest/case'>>().toEqualTypeOf<OsmSchema<'CaseV1'>>();
    expectTypeOf(paginate(client, '/v2/servicerequest/labels')).toEqualTypeOf<AsyncGenerator<OsmSchema<'LabelInfo'>, void, undefined>>();
    // @ts-expect-error not a list operation
    paginate(client, '/v2/servicerequest/cases/{case_id}/status', { params: { path: { case_id: 'x' } } });
    // @ts-expect-error the path parameter is required
    paginate(client, '/v2/servicerequest/cases/{case_id}/messages');
  });
});

describe('files', () => {
  test('downloads are a Blob by default, a stream on request; uploads give the attachment ID', async () => {
    const blob = await downloadAttachment(client, 'a');
    if (blob.data) expectTypeOf(blob.data.body).toEqualTypeOf<Blob>();
    const stream = await exportCases(client, { language: 'en-us', timezone: 'GMT+8' }, { as: 'stream' });
    if (stream.data) expectTypeOf(stream.data.body).toEqualTypeOf<NonNullable<Response['body']>>();
    // @ts-expect-error the export needs its language and time zone
    void exportCases(client, { language: 'en-us' });
    const upload = await uploadAttachment(client, { file: new Blob([]), accessoryFrom: 'message', uploadType: 0 });
    if (upload.data) expectTypeOf(upload.data.accessory_id).toEqualTypeOf<string | undefined>();
    // @ts-expect-error the form fields are typed: upload types are 0 and 1
    void uploadAttachment(client, { file: new Blob([]), accessoryFrom: 'message', uploadType: 2 });
    // @ts-expect-error where the attachment is used is required
    void uploadAttachment(client, { file: new Blob([]) });
    // @ts-expect-error no untyped form_data any more
    void uploadAttachment(client, { file: new Blob([]), accessoryFrom: 'message', formData: {} });
  });
});
