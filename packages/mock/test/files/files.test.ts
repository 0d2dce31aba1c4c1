import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { responseContents, specOperations, validRequest } from '../support/spec-operations.js';

const TOKEN = { 'X-Auth-Token': 'mock-token' };
const operations = specOperations();
/** The operations that answer with a file, and the file media types each declares. */
const downloads = operations
  .map((entry) => ({
    entry,
    fileTypes: responseContents(entry)
      .filter((c) => c.schema.format === 'binary')
      .map((c) => c.mediaType),
  }))
  .filter((d) => d.fileTypes.length > 0);

/** The first bytes that identify each image format. */
const SIGNATURES: Record<string, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/gif': [0x47, 0x49, 0x46, 0x38],
  'image/bmp': [0x42, 0x4d],
};

describe('files', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  async function download(entry: (typeof operations)[number], headers: Record<string, string> = {}) {
    const { url, init } = validRequest(entry, headers);
    const response = await fetch(`${mock.url}${url}`, init);
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  test('the spec has the four downloads of the reference', () => {
    expect(downloads.map((d) => d.entry.operationId).sort()).toEqual([
      'downloadAccessories',
      'downloadAccessoryV1',
      'downloadCases',
      'downloadImages',
    ]);
  });

  describe.each(downloads.map((d) => [d.entry.operationId, d] as const))('%s', (_, { entry, fileTypes }) => {
    test.each(fileTypes)('answers a file of %s, with a Content-Disposition', async (mediaType) => {
      const { response, bytes } = await download(entry, { Accept: mediaType });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(mediaType);
      expect(Number(response.headers.get('content-length'))).toBe(bytes.length);
      expect(bytes.length).toBeGreaterThan(0);
      expect(bytes.toString('utf8')).not.toBe('string'); // what Prism alone sends
      const signature = SIGNATURES[mediaType];
      if (signature) {
        expect([...bytes.subarray(0, signature.length)]).toEqual(signature);
        expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="osm-mock\.\w+"$/);
      } else {
        expect(response.headers.get('content-disposition')).toBe('attachment; filename="osm-mock.bin"');
      }
    });

    test('answers its business error as JSON, without Content-Disposition', async () => {
      const { response, bytes } = await download(entry, { Prefer: 'example=businessError' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(JSON.parse(bytes.toString())).toEqual({ error_code: expect.any(String), error_msg: expect.any(String) });
    });
  });

  describe('multipart upload', () => {
    async function upload(path: string, form: FormData) {
      const response = await fetch(`${mock.url}${path}`, { method: 'POST', headers: TOKEN, body: form });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    }
    const file = (bytes: number) => new Blob([new Uint8Array(bytes).fill(0x4f)], { type: 'image/png' });

    test('v2 accepts a real FormData with a file and form_data', async () => {
      const form = new FormData();
      form.append('file', file(1024), 'screenshot.png');
      form.append('form_data', '{"accessFrom":"message"}');
      expect(await upload('/v2/servicerequest/accessorys', form)).toEqual({ status: 200, body: { accessory_id: expect.any(String) } });
    });

    test('v2 accepts a file of 2 MB', async () => {
      const form = new FormData();
      form.append('file', file(2 * 1024 * 1024), 'big.png');
      form.append('form_data', '{"accessFrom":"message"}');
      expect((await upload('/v2/servicerequest/accessorys', form)).status).toBe(200);
    });

    test('v2 without the file part: 400 naming it', async () => {
      const form = new FormData();
      form.append('form_data', '{"accessFrom":"message"}');
      expect(await upload('/v2/servicerequest/accessorys', form)).toEqual({
        status: 400,
        body: { error_code: 'OSM.0001', error_msg: 'Invalid request: body field file: is required' },
      });
    });

    test('v2 with a too-long form_data: 400 naming it and its limit', async () => {
      const form = new FormData();
      form.append('file', file(10), 'a.png');
      form.append('form_data', 'x'.repeat(5001));
      expect((await upload('/v2/servicerequest/accessorys', form)).body).toEqual({
        error_code: 'OSM.0001',
        error_msg: 'Invalid request: body field form_data: must NOT have more than 5000 characters',
      });
    });

    test('v1.0 accepts its form: the file, its name and what it is for', async () => {
      const form = new FormData();
      form.append('accessoryName', 'Chrysanthemum.jpg');
      form.append('accessoryFrom', 'incident');
      form.append('accessoryData', file(100), 'Chrysanthemum.jpg');
      expect(await upload('/v1.0/servicerequest/case/accessory', form)).toEqual({ status: 200, body: { accessoryId: expect.any(String) } });
    });

    test('v1.0 with a purpose outside the enum: 400 naming it', async () => {
      const form = new FormData();
      form.append('accessoryName', 'a.jpg');
      form.append('accessoryFrom', 'elsewhere');
      form.append('accessoryData', file(100), 'a.jpg');
      expect((await upload('/v1.0/servicerequest/case/accessory', form)).body).toEqual({
        error_code: 'OSM.0001',
        error_msg: 'Invalid request: body field accessoryFrom: must be equal to one of the allowed values: message, incident, feedback',
      });
    });
  });
});
