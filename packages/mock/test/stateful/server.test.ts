// The sandbox behind the HTTP server: startMock({ stateful: true }), over real HTTP on 127.0.0.1.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type RunningMock, SeedError, startMock } from '../../src/index.js';
import { responseValidator } from '../support/response-schema.js';
import { tempFolder } from '../support/temp-folder.js';

const HEADERS = { 'X-Auth-Token': 'test', 'Content-Type': 'application/json' };
const TICKET = { business_type_id: 'b', simple_description: 'ECS down', source_id: 's' };
const validate = responseValidator();

describe('startMock({ stateful: true })', () => {
  let mock: RunningMock;
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${mock.url}${path}`, {
      method,
      headers: { ...HEADERS, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const json = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const response = await send(method, path, body, headers);
    expect(response.status).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful: { seed: { cases: [{ incident_id: 'CS20250101000001', status: 2 }] } } });
  });
  afterAll(() => mock.close());
  beforeEach(() => mock.reset());

  test('a created ticket is found afterwards, and its answers are valid against the spec', async () => {
    const { incident_id: id } = await json('POST', '/v2/servicerequest/cases', TICKET);
    expect(id).toMatch(/^CS\d{8}\d{6}$/);
    const detail = await json('GET', `/v2/servicerequest/cases/${id}`);
    expect(detail.incident_detail_info).toMatchObject({ incident_id: id, status: 0 });
    expect(validate('/v2/servicerequest/cases/{case_id}', 'get', '200', 'application/json', detail)).toEqual([]);
    const list = await json('GET', '/v2/servicerequest/cases?limit=10');
    expect(list.total_count).toBe(2);
    expect(validate('/v2/servicerequest/cases', 'get', '200', 'application/json', list)).toEqual([]);
  });

  test('requests are validated as in stateless mode, and a refused one changes nothing', async () => {
    const missing = await send('POST', '/v2/servicerequest/cases', { business_type_id: 'b', source_id: 's' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error_code: 'OSM.0001', error_msg: expect.stringContaining('simple_description') });
    expect(
      (
        await fetch(`${mock.url}/v2/servicerequest/cases`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(TICKET),
        })
      ).status,
    ).toBe(401);
    const badAction = await send('POST', '/v2/servicerequest/cases/CS20250101000001/action?action_id=reopen', {});
    expect(badAction.status).toBe(400);
    expect(mock.state().cases).toHaveLength(1);
    expect(mock.state().cases[0]?.status).toBe(2);
  });

  test('Prefer still forces a named example or error, and changes nothing', async () => {
    const success = (loadSpec() as { components: { examples: Record<string, { value: unknown }> } }).components.examples
      .CreateCasesResponseExample?.value;
    expect(await json('POST', '/v2/servicerequest/cases', TICKET, { Prefer: 'example=success' })).toEqual(success);
    expect(await json('GET', '/v2/servicerequest/cases/CS20250101000001/status', undefined, { Prefer: 'example=businessError' })).toEqual({
      error_code: 'OSM.01010015',
      error_msg: 'This case does not exist.',
    });
    const unauthorized = await send('GET', '/v2/servicerequest/cases/CS20250101000001/status', undefined, { Prefer: 'code=401' });
    expect(unauthorized.status).toBe(401);
    expect(mock.state().cases).toHaveLength(1);
  });

  test('an impossible transition is answered with OSM.01010034, as OSM does (HTTP 200)', async () => {
    expect(await json('POST', '/v2/servicerequest/cases/CS20250101000001/action?action_id=cancel', {})).toEqual({
      error_code: 'OSM.01010034',
      error_msg: 'The status is illegal for this operation.',
    });
    expect(await json('POST', '/v2/servicerequest/cases/CS20250101000001/action?action_id=close', {})).toEqual({});
    expect(await json('GET', '/v2/servicerequest/cases/CS20250101000001/status')).toEqual({ status: 3 });
  });

  test('an uploaded file downloads byte for byte, with its name', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) % 256);
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/octet-stream' }), 'core.dump');
    form.append('form_data', '{"accessoryFrom":"message"}');
    const upload = await fetch(`${mock.url}/v2/servicerequest/accessorys`, {
      method: 'POST',
      headers: { 'X-Auth-Token': 't' },
      body: form,
    });
    const { accessory_id: id } = await upload.json();
    const download = await fetch(`${mock.url}/v2/servicerequest/accessorys/${id}`, { headers: { 'X-Auth-Token': 't' } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/octet-stream');
    expect(download.headers.get('content-disposition')).toContain('filename="core.dump"');
    expect(download.headers.get('access-control-allow-origin')).toBe('*');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    const head = await fetch(`${mock.url}/v2/servicerequest/accessorys/${id}`, { method: 'HEAD', headers: { 'X-Auth-Token': 't' } });
    expect(head.headers.get('content-length')).toBe('300');
    const missing = await fetch(`${mock.url}/v2/servicerequest/accessorys/999`, { headers: { 'X-Auth-Token': 't' } });
    expect(await missing.json()).toEqual({ error_code: 'OSM.01010045', error_msg: 'The accessory is invalid.' });
  });

  test('GET /__osm/state and POST /__osm/reset, outside OSM paths and without credentials', async () => {
    await json('POST', '/v2/servicerequest/cases', TICKET);
    const state = await (await fetch(`${mock.url}/__osm/state`)).json();
    expect(state.cases).toHaveLength(2);
    const reset = await fetch(`${mock.url}/__osm/reset`, { method: 'POST' });
    expect(reset.status).toBe(200);
    expect(mock.state().cases).toHaveLength(1);
    const seeded = await fetch(`${mock.url}/__osm/reset`, {
      method: 'POST',
      body: JSON.stringify({ cases: [{ incident_id: 'CS1', status: 17 }] }),
    });
    expect((await seeded.json()).cases[0]).toMatchObject({ incident_id: 'CS1', status: 17 });
    const bad = await fetch(`${mock.url}/__osm/reset`, { method: 'POST', body: '{"cases":7}' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error_code: 'OSM.0001', error_msg: 'Invalid seed: cases: must be array' });
    expect(mock.state().cases.map((c) => c.incident_id)).toEqual(['CS1']);
    mock.reset({ cases: [{ incident_id: 'CS20250101000001', status: 2 }] });
  });

  test('mock.reset() refuses a bad seed and keeps the store', () => {
    expect(() => mock.reset({ cases: [{ incident_id: '', status: 0 }] })).toThrow(SeedError);
    expect(mock.state().cases).toHaveLength(1);
  });
});

describe('one store per mock', () => {
  test('two stateful mocks do not share tickets; a stateless one has no store', async () => {
    const [a, b, plain] = await Promise.all([
      startMock({ port: 0, stateful: true }),
      startMock({ port: 0, stateful: true }),
      startMock({ port: 0 }),
    ]);
    try {
      await fetch(`${a.url}/v2/servicerequest/cases`, { method: 'POST', headers: HEADERS, body: JSON.stringify(TICKET) });
      expect(a.state().cases.length).toBe(b.state().cases.length + 1);
      expect(() => plain.reset()).toThrow(/keeps no state/);
      // Stateless: the example, whatever was created before.
      const listed = await (await fetch(`${plain.url}/v2/servicerequest/cases`, { headers: HEADERS })).json();
      const example = (loadSpec() as { components: { examples: Record<string, { value: { total_count?: number } }> } }).components.examples
        .ListCasesResponseExample?.value;
      expect(listed.total_count).toBe(example?.total_count);
      expect((await fetch(`${plain.url}/__osm/state`)).status).toBe(404);
    } finally {
      await Promise.all([a.close(), b.close(), plain.close()]);
    }
  });

  test('a seed file is read at start; a bad one fails the start with the reason', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'good.json'), JSON.stringify({ labels: [{ label_id: 4, name: 'vip', color: '#ffd700' }] }));
    writeFileSync(join(folder, 'bad.json'), JSON.stringify({ labels: [{ label_id: 'four' }] }));
    const mock = await startMock({ port: 0, stateful: { seed: join(folder, 'good.json') } });
    try {
      const labels = await (await fetch(`${mock.url}/v2/servicerequest/labels`, { headers: HEADERS })).json();
      expect(labels).toEqual({ total_count: 1, label_list: [{ label_id: 4, name: 'vip', color: '#ffd700' }] });
    } finally {
      await mock.close();
    }
    await expect(startMock({ port: 0, stateful: { seed: join(folder, 'bad.json') } })).rejects.toThrow(/Invalid seed: labels\.0/);
  });
});

test("the caller's responder comes first, may override the store, and never sees the sandbox's header", async () => {
  const seen: Record<string, string>[] = [];
  const mock = await startMock({
    port: 0,
    stateful: {
      seed: {
        cases: [
          { incident_id: 'CS1', status: 0 },
          { incident_id: 'CS-BROKEN', status: 0 },
        ],
      },
    },
    responder: (request) => {
      seen.push(request.headers);
      return request.path.case_id === 'CS-BROKEN'
        ? { status: 500, body: { error_code: 'OSM.0004', error_msg: 'Internal Server Error' } }
        : undefined;
    },
  });
  try {
    expect(await (await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: HEADERS })).json()).toEqual({ status: 0 });
    expect((await fetch(`${mock.url}/v2/servicerequest/cases/CS-BROKEN/status`, { headers: HEADERS })).status).toBe(500);
    expect(seen).toHaveLength(2);
    expect(seen.flatMap((headers) => Object.keys(headers)).filter((name) => name.startsWith('x-osm'))).toEqual([]);
  } finally {
    await mock.close();
  }
});
