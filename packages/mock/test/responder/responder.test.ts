// The engine's extension point: a responder sees every valid request, decoded, before an example is
// picked, and its answer (or its silence) decides what is sent.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock, type ValidatedRequest } from '../../src/index.js';

const TOKEN = { 'X-Auth-Token': 'mock-token' };

describe('startMock({ responder })', () => {
  let mock: RunningMock;
  const seen: ValidatedRequest[] = [];
  beforeAll(async () => {
    mock = await startMock({
      port: 0,
      responder: (request) => {
        seen.push(request);
        if (request.path.case_id === 'CS-CLOSED') return { status: 200, body: { status: 4 }, headers: { 'x-sandbox': 'yes' } };
        if (request.path.case_id === 'CS-BROKEN') throw new Error('the sandbox broke');
        return undefined;
      },
    });
  });
  afterAll(() => mock.close());
  const last = () => seen.at(-1);

  test('its answer is sent, as JSON with CORS and its own headers', async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS-CLOSED/status`, {
      headers: { ...TOKEN, Origin: 'http://app.test' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 4 });
    expect(response.headers.get('x-sandbox')).toBe('yes');
    expect(response.headers.get('access-control-allow-origin')).toBe('http://app.test');
    expect(last()).toMatchObject({
      operationId: 'showCaseStatus',
      method: 'get',
      pathTemplate: '/v2/servicerequest/cases/{case_id}/status',
      path: { case_id: 'CS-CLOSED' },
    });
  });

  test('undefined lets the example answer', async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: TOKEN });
    expect(await response.json()).toEqual({ status: 0 });
  });

  test('it gets decoded values: array query parameters as items, either way they were sent, and the JSON body', async () => {
    await fetch(`${mock.url}/v2/servicerequest/cases/CS%201/labels?label_ids=1&label_ids=2`, { method: 'POST', headers: TOKEN });
    expect(last()).toMatchObject({ operationId: 'createCaseLabels', path: { case_id: 'CS 1' }, query: { label_ids: ['1', '2'] } });
    await fetch(`${mock.url}/v2/servicerequest/cases/CS1/labels?label_ids=3,4`, { method: 'POST', headers: TOKEN });
    expect(last()?.query).toEqual({ label_ids: ['3', '4'] });
    await fetch(`${mock.url}/v2/servicerequest/labels`, {
      method: 'POST',
      headers: { ...TOKEN, 'Content-Type': 'application/json', Prefer: 'code=200' },
      body: '{"name":"a","color":"#000000"}',
    });
    expect(last()).toMatchObject({
      operationId: 'createLabels',
      body: { name: 'a', color: '#000000' },
      prefer: { code: 200 },
      headers: expect.objectContaining({ 'x-auth-token': 'mock-token' }),
    });
  });

  test('a multipart body reaches it with the file described', async () => {
    const form = new FormData();
    form.append('file', new Blob(['OSM'], { type: 'text/plain' }), 'note.txt');
    form.append('form_data', '{"accessFrom":"message"}');
    await fetch(`${mock.url}/v2/servicerequest/accessorys`, { method: 'POST', headers: TOKEN, body: form });
    expect(last()?.body).toEqual({ file: { filename: 'note.txt', type: 'text/plain', size: 3 }, form_data: '{"accessFrom":"message"}' });
  });

  test('invalid requests never reach it', async () => {
    const before = seen.length;
    expect((await fetch(`${mock.url}/v2/servicerequest/cases?limit=101`, { headers: TOKEN })).status).toBe(400);
    expect((await fetch(`${mock.url}/v2/servicerequest/cases/CS-CLOSED/status`)).status).toBe(401);
    expect(seen.length).toBe(before);
  });

  test('a responder that throws: 500 OSM.0004 naming the error, and the mock keeps serving', async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS-BROKEN/status`, { headers: TOKEN });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error_code: 'OSM.0004', error_msg: 'Internal error of the mock: the sandbox broke' });
    expect((await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: TOKEN })).status).toBe(200);
  });
});
