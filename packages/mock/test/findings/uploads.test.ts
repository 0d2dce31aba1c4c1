// Issue 24, "a valid upload answers 500": forms as real clients write them - Postman/newman without a
// part Content-Type, curl, browsers, quoted boundaries, a preamble - are answered as OSM answers them, on
// the v2 upload and its v1.0 twin, stateless and stateful (where the file downloads byte for byte). And
// a JSON null where the spec wants an object is refused like any other non-object.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { encodeForm, FORM_STYLES, type FormEntry } from '../support/form-styles.js';
import { rawRequest } from '../support/raw-http.js';
import { specOperations } from '../support/spec-operations.js';

const TOKEN = { 'X-Auth-Token': 'mock-token' };
const FILE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x2d, 0x2d, 0x0d, 0x0a]);
const UPLOADS = [
  [
    'uploadAccessory',
    '/v2/servicerequest/accessorys',
    (file: FormEntry['value']): FormEntry[] => [
      { name: 'file', value: file },
      { name: 'form_data', value: '{"accessFrom":"message"}' },
    ],
    { accessory_id: '123456' },
  ],
  [
    'uploadAccessoryV1',
    '/v1.0/servicerequest/case/accessory',
    (file: FormEntry['value']): FormEntry[] => [
      { name: 'accessoryName', value: 'shot.png' },
      { name: 'accessoryData', value: file },
      { name: 'accessoryFrom', value: 'incident' },
    ],
    undefined,
  ],
] as const;

describe('uploads as real clients send them', () => {
  let mock: RunningMock;
  let stateful: RunningMock;
  beforeAll(async () => {
    [mock, stateful] = await Promise.all([startMock({ port: 0 }), startMock({ port: 0, stateful: { seed: {} } })]);
  });
  afterAll(() => Promise.all([mock.close(), stateful.close()]));

  const send = (port: number, path: string, form: { contentType: string; body: Buffer }) =>
    rawRequest(port, 'POST', path, { ...TOKEN, 'Content-Type': form.contentType }, form.body);

  test.each(UPLOADS.map(([operationId, path, parts]) => [operationId, path, parts] as const))(
    '%s: the body of the issue (printf, no part Content-Type) is answered 200',
    async (_, path, parts) => {
      const body = encodeForm(parts({ filename: 'a.txt', bytes: new TextEncoder().encode('hello') }), {
        client: 'printf',
        boundary: 'B',
        parameter: 'B',
        partTypes: false,
      });
      const answer = await send(mock.port, path, body);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).not.toHaveProperty('error_code');
    },
  );

  describe.each(FORM_STYLES.map((style) => [style.client, style] as const))('%s', (_, style) => {
    test.each(UPLOADS.map(([operationId, path, parts, success]) => [operationId, path, parts, success] as const))(
      '%s: 200 with the success example',
      async (_, path, parts, success) => {
        const answer = await send(mock.port, path, encodeForm(parts({ filename: 'shot.png', type: 'image/png', bytes: FILE }), style));
        expect(answer.status).toBe(200);
        if (success) expect(JSON.parse(answer.body)).toEqual(success);
      },
    );

    test('stateful: the file downloads byte for byte, and shows as the image its name says it is', async () => {
      const uploaded = await send(
        stateful.port,
        '/v2/servicerequest/accessorys',
        encodeForm(UPLOADS[0][2]({ filename: 'shot.png', type: 'image/png', bytes: FILE }), style),
      );
      const { accessory_id: id } = JSON.parse(uploaded.body) as { accessory_id: string };
      const download = await fetch(`${stateful.url}/v2/servicerequest/accessorys/${id}`, { headers: TOKEN });
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(FILE);
      const image = await fetch(`${stateful.url}/v2/servicerequest/accessorys/${id}/image`, { headers: TOKEN });
      expect(image.headers.get('content-type')).toBe('image/png');
    });
  });

  test('a file of 3 MiB, read in slices, with what looks like a boundary inside: downloaded byte for byte', async () => {
    const style = FORM_STYLES[0]!;
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    // The boundary's start, across where the parser's slices meet.
    bytes.write(`\r\n--${style.boundary.slice(0, -3)}`, 512 * 1024 - 10, 'latin1');
    const uploaded = await send(
      stateful.port,
      '/v2/servicerequest/accessorys',
      encodeForm(UPLOADS[0][2]({ filename: 'big.bin', bytes }), style),
    );
    const { accessory_id: id } = JSON.parse(uploaded.body) as { accessory_id: string };
    const download = await fetch(`${stateful.url}/v2/servicerequest/accessorys/${id}`, { headers: TOKEN });
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  test('a text part where the spec wants a file is still refused, in any style', async () => {
    const answer = await send(
      mock.port,
      '/v2/servicerequest/accessorys',
      encodeForm(
        [
          { name: 'file', value: 'not a file' },
          { name: 'form_data', value: '{}' },
        ],
        FORM_STYLES[0]!,
      ),
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({
      error_code: 'OSM.0001',
      error_msg: 'Invalid request: body field file: must be a file (a form part with a filename)',
    });
  });

  test('a form whose closing boundary never comes: 400, well-formed multipart', async () => {
    const answer = await rawRequest(
      mock.port,
      'POST',
      '/v2/servicerequest/accessorys',
      { ...TOKEN, 'Content-Type': 'multipart/form-data; boundary=B' },
      '--B\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
    );
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error_msg).toContain('body: must be well-formed multipart/form-data');
  });
});

describe('a JSON null body where the spec wants an object', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  const optionalObjects = specOperations().filter((o) => {
    const body = (o.operation as { requestBody?: { required?: boolean; content: Record<string, unknown> } }).requestBody;
    return body && body.required !== true && body.content['application/json'];
  });

  test('the spec has the 9 operations of the issue', () => expect(optionalObjects).toHaveLength(9));

  test.each(optionalObjects.map((o) => [o.operationId, o] as const))(
    '%s: null is 400 "body: must be object", like [] and 1',
    async (_, entry) => {
      const path = entry.path.replace(/\{[^}]+\}/g, '1');
      const send = (body: string) =>
        rawRequest(mock.port, entry.method.toUpperCase(), path, { ...TOKEN, 'Content-Type': 'application/json' }, body);
      for (const body of ['null', '[]', '1']) {
        const answer = await send(body);
        expect(answer.status, body).toBe(400);
        expect(JSON.parse(answer.body).error_msg, body).toContain('body: must be object');
      }
    },
  );
});

test('stateful with a responder: the responder sees the file described and no private header of the mock; the store keeps the file', async () => {
  const seen: { headers: Record<string, string>; body: unknown }[] = [];
  const mock = await startMock({
    port: 0,
    stateful: { seed: {} },
    responder: (request) => void seen.push({ headers: request.headers, body: request.body }),
  });
  try {
    const form = encodeForm(UPLOADS[0][2]({ filename: 'a.txt', bytes: FILE }), FORM_STYLES[0]!);
    const answer = await rawRequest(
      mock.port,
      'POST',
      '/v2/servicerequest/accessorys',
      { ...TOKEN, 'Content-Type': form.contentType },
      form.body,
    );
    const { accessory_id: id } = JSON.parse(answer.body) as { accessory_id: string };
    expect(seen[0]!.body).toEqual({
      file: { filename: 'a.txt', type: 'text/plain', size: FILE.byteLength },
      form_data: '{"accessFrom":"message"}',
    });
    expect(Object.keys(seen[0]!.headers).filter((name) => name.startsWith('x-osm'))).toEqual([]);
    expect(mock.state().accessories).toEqual([
      {
        accessory_id: id,
        file_name: 'a.txt',
        media_type: 'application/octet-stream',
        content_base64: Buffer.from(FILE).toString('base64'),
      },
    ]);
  } finally {
    await mock.close();
  }
});
