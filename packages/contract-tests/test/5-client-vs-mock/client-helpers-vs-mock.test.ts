// Suite 5, the client's own helpers: the typed client (@osm-openapi/client) against the shared mock
// (test/mock.global-setup.ts), beyond the fixtures' calls - AK/SK signing, uploads and downloads, paging,
// a business error and a validation error: the requests these helpers build pass the spec's validation,
// and the mock's answers come back as typed results. (Moved here from packages/client/test/mock, so that
// the client does not depend on the mock, which depends on the client.)
import { akSkAuth, createOsmClient, downloadAttachment, paginate, uploadAttachment, uploadAttachmentAsBase64 } from '@osm-openapi/client';
import { describe, expect, inject, test } from 'vitest';

const mockUrl = inject('mockUrl');
const client = createOsmClient({ baseUrl: mockUrl, auth: { token: 'mock-token' }, language: 'en-us', site: 1 });

describe('5 client helpers vs mock', () => {
  test('a GET returns the example as data', async () => {
    const { data, error } = await client.GET('/v2/servicerequest/cases/{case_id}/status', {
      params: { path: { case_id: 'CS20240101000001' } },
    });
    expect(error).toBeUndefined();
    expect(data).toEqual({ status: expect.any(Number) });
  });

  test('a business error example (HTTP 200) comes back as error', async () => {
    const { data, error, response } = await client.GET('/v2/servicerequest/cases', { headers: { Prefer: 'example=businessError' } });
    expect(response.status).toBe(200);
    expect(data).toBeUndefined();
    expect(error).toMatchObject({ code: expect.stringMatching(/^OSM\./), httpStatus: 200, description: expect.any(String) });
  });

  test('no credentials: HTTP 401 OSM.0002', async () => {
    const anonymous = createOsmClient({ baseUrl: mockUrl });
    const { error } = await anonymous.GET('/v2/servicerequest/config/regions');
    expect(error).toMatchObject({ code: 'OSM.0002', httpStatus: 401 });
  });

  test('AK/SK-signed requests are accepted', async () => {
    const signed = createOsmClient({ baseUrl: mockUrl, auth: akSkAuth({ accessKey: 'AK', secretKey: 'SK', domainId: 'domain' }) });
    expect((await signed.GET('/v2/servicerequest/config/regions')).error).toBeUndefined();
  });

  test('a value the spec forbids: HTTP 400 OSM.0001 naming the parameter', async () => {
    const { error } = await client.GET('/v2/servicerequest/cases', { params: { query: { limit: 1000 } } });
    expect(error).toMatchObject({ code: 'OSM.0001', httpStatus: 400 });
    expect(error?.message).toContain('limit');
  });

  test('a comma-separated list query passes validation', async () => {
    const { error } = await client.POST('/v2/servicerequest/cases/{case_id}/labels', {
      params: { path: { case_id: 'CS1' }, query: { label_ids: [1, 2, 3] } },
    });
    expect(error).toBeUndefined();
  });

  test('a JSON body passes validation', async () => {
    const { data, error } = await client.POST('/v2/servicerequest/labels', { body: { name: 'urgent', color: '#ff0000' } });
    expect(error).toBeUndefined();
    expect(data).toBeDefined();
  });

  test('uploads, multipart and Base64, give an attachment ID', async () => {
    const multipart = await uploadAttachment(client, { file: new File(['log line'], 'app.log'), accessoryFrom: 'message' });
    expect(multipart.error).toBeUndefined();
    expect(multipart.data?.accessory_id).toEqual(expect.any(String));
    const base64 = await uploadAttachmentAsBase64(client, {
      file: new TextEncoder().encode('log line'),
      fileName: 'app.log',
      accessoryFrom: 'message',
    });
    expect(base64.error).toBeUndefined();
  });

  test('a download gives the file and its name', async () => {
    const { data, error } = await downloadAttachment(client, 'accessory-1234');
    expect(error).toBeUndefined();
    expect(data?.body.size).toBeGreaterThan(0);
    expect(data?.fileName).toEqual(expect.any(String));
  });

  test('paginate walks a list to its end', async () => {
    const tickets = [];
    for await (const ticket of paginate(client, '/v2/servicerequest/cases')) tickets.push(ticket);
    expect(tickets.length).toBeGreaterThan(0);
  });
});
