// Overrides through the HTTP door: added and reset at run time, typed from the spec, and every answer
// checked against it (an answer OSM could not send is a 500 naming the operation, status and field).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { OverrideError, override, type RunningMock, startMock } from '../../src/index.js';

const TOKEN = { 'X-Auth-Token': 'mock-token' };
const STATUS_PATH = '/v2/servicerequest/cases/{case_id}/status';

describe('startMock(): use() and resetOverrides()', () => {
  let mock: RunningMock;
  const fromStart = override('listLabels', () => ({ status: 200, body: { total_count: 0, label_list: [] } }));
  beforeAll(async () => {
    mock = await startMock({ port: 0, overrides: [fromStart] });
  });
  afterEach(() => {
    mock.resetOverrides();
    expect(mock.takeOverrideErrors()).toEqual([]);
  });
  afterAll(() => mock.close());

  const get = async (path: string, headers: Record<string, string> = TOKEN) => {
    const response = await fetch(`${mock.url}${path}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: response.headers.get('content-type')?.includes('json') ? await response.json() : new Uint8Array(await response.arrayBuffer()),
    };
  };

  test('an override by path template answers its operation, with the typed request; reset brings the example back', async () => {
    const seen: string[] = [];
    mock.use(
      override(`GET ${STATUS_PATH}`, ({ path }) => {
        seen.push(path.case_id);
        return path.case_id === 'CS-CLOSED' ? { status: 200, body: { status: 4 } } : undefined;
      }),
    );
    expect(await get('/v2/servicerequest/cases/CS-CLOSED/status')).toMatchObject({ status: 200, body: { status: 4 } });
    // undefined: the mock answers (the example).
    expect(await get('/v2/servicerequest/cases/CS1/status')).toMatchObject({ status: 200, body: { status: 0 } });
    expect(seen).toEqual(['CS-CLOSED', 'CS1']);
    mock.resetOverrides();
    expect(await get('/v2/servicerequest/cases/CS-CLOSED/status')).toMatchObject({ body: { status: 0 } });
  });

  test('by operationId, a HEAD of a GET operation included; the last added is asked first', async () => {
    mock.use(override('showCaseStatus', () => ({ status: 200, body: { status: 1 } })));
    mock.use(override('showCaseStatus', () => ({ status: 200, body: { status: 2 } })));
    expect(await get('/v2/servicerequest/cases/CS1/status')).toMatchObject({ body: { status: 2 } });
    const head = await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { method: 'HEAD', headers: TOKEN });
    expect(head.status).toBe(200);
  });

  test('the overrides given at start answer, and resetOverrides() keeps them', async () => {
    expect(await get('/v2/servicerequest/labels')).toMatchObject({ status: 200, body: { total_count: 0, label_list: [] } });
  });

  test('query values are the text sent, array parameters always as lists (one repeated key included)', async () => {
    const queries: unknown[] = [];
    mock.use(
      override('listOrderIncident', ({ query }) => {
        queries.push(query);
        return undefined;
      }),
    );
    await get('/osm/incidentservice/api/v1/queryincident?searchKey=ecs&pageSize=10');
    expect(queries).toEqual([expect.objectContaining({ searchKey: ['ecs'], pageSize: '10' })]);
  });

  test('an invalid request never reaches an override: the refusal is the engine’s', async () => {
    let called = false;
    mock.use(
      override('listCases', () => {
        called = true;
        return { status: 200, body: { total_count: 0, incident_info_list: [] } };
      }),
    );
    expect((await get('/v2/servicerequest/cases?limit=101')).status).toBe(400);
    expect((await get('/v2/servicerequest/cases', {})).status).toBe(401);
    expect(called).toBe(false);
  });

  test('a file: bytes with one of the types the response lists', async () => {
    mock.use(
      override('downloadAccessories', () => ({
        status: 200,
        bytes: 'PNG!',
        contentType: 'application/octet-stream',
        headers: { 'content-disposition': 'attachment; filename="a.png"' },
      })),
    );
    const answer = await get('/v2/servicerequest/accessorys/AC1');
    expect(answer).toMatchObject({ status: 200, type: 'application/octet-stream' });
    expect(new TextDecoder().decode(answer.body as Uint8Array)).toBe('PNG!');
  });

  test('an error status the operation lists, with its error body', async () => {
    mock.use(override('showCaseStatus', () => ({ status: 403, body: { error_code: 'OSM.0003', error_msg: 'Forbidden.' } })));
    expect(await get('/v2/servicerequest/cases/CS1/status')).toMatchObject({ status: 403, body: { error_code: 'OSM.0003' } });
  });

  test('an operation the spec does not have: use() throws at once, naming it', () => {
    // A JavaScript caller, or a typo the types would have caught.
    const unknown = override('showCaseStatuss' as 'showCaseStatus', () => undefined);
    expect(() => mock.use(unknown)).toThrow(OverrideError);
    expect(() => mock.use(unknown)).toThrow("override('showCaseStatuss'): showCaseStatuss is not an operation of the spec the mock serves");
  });
});

describe('answers OSM could not send', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterEach(() => mock.resetOverrides());
  afterAll(() => mock.close());

  const status = async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: TOKEN });
    return { status: response.status, body: (await response.json()) as { error_code?: string; error_msg?: string } };
  };

  test('a misspelt field: a 500 OSM.0004 naming the operation, status and field, and the error is kept for the test', async () => {
    // @ts-expect-error `statuss` is not a field of showCaseStatus's answer (the type test says so too).
    mock.use(override('showCaseStatus', () => ({ status: 200, body: { statuss: 4 } })));
    const answer = await status();
    expect(answer.status).toBe(500);
    expect(answer.body.error_code).toBe('OSM.0004');
    expect(answer.body.error_msg).toBe(
      'The override of showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status) answered 200 with what OSM could not send: ' +
        'body field statuss: is not a field of this answer in the spec. Fix the answer, or pass { validate: false } to override() to send it anyway.',
    );
    const [error, ...others] = mock.takeOverrideErrors();
    expect(others).toEqual([]);
    expect(error).toBeInstanceOf(OverrideError);
    expect(error).toMatchObject({
      operation: 'showCaseStatus',
      violations: [{ where: 'body field statuss', rule: 'is not a field of this answer in the spec' }],
    });
    expect(mock.takeOverrideErrors()).toEqual([]);
  });

  test('a status the operation does not list', async () => {
    // @ts-expect-error 201 is not a status of showCaseStatus.
    mock.use(override('showCaseStatus', () => ({ status: 201, body: { status: 4 } })));
    expect((await status()).body.error_msg).toContain(
      'answered 201 with what OSM could not send: status: 201 is not an answer of showCaseStatus',
    );
    expect(mock.takeOverrideErrors()).toHaveLength(1);
  });

  test('{ validate: false } sends it as it is', async () => {
    // @ts-expect-error still a type error: the opt-out is for the run-time check.
    mock.use(override('showCaseStatus', () => ({ status: 200, body: { statuss: 4 } }), { validate: false }));
    expect(await status()).toEqual({ status: 200, body: { statuss: 4 } });
    expect(mock.takeOverrideErrors()).toEqual([]);
  });

  test('a JSON body sent as bytes is checked too, and bytes that are not JSON are named', async () => {
    mock.use(override('showCaseStatus', () => ({ status: 200, bytes: '{"status":', contentType: 'application/json' }) as never));
    expect((await status()).body.error_msg).toContain('body: is not JSON, though sent as application/json');
    expect(mock.takeOverrideErrors()).toHaveLength(1);
  });

  test('what the answer serializes to is what is checked (a Date is sent as text)', async () => {
    mock.use(override('showCaseStatus', () => ({ status: 200, body: { status: new Date(0) as unknown as 4 } })));
    expect((await status()).body.error_msg).toContain('body field status: must be one of 0, 1, 2, 3, 4, 12, 17');
    expect(mock.takeOverrideErrors()).toHaveLength(1);
  });
});

describe('the stateful sandbox', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful: true });
  });
  afterAll(() => mock.close());

  test('an override wins over the sandbox for its operation; the others stay stateful', async () => {
    const created = await fetch(`${mock.url}/v2/servicerequest/labels`, {
      method: 'POST',
      headers: { ...TOKEN, 'Content-Type': 'application/json' },
      body: '{"name":"urgent","color":"#ff0000"}',
    });
    expect(created.status).toBe(200);
    mock.use(override('listLabels', () => ({ status: 200, body: { total_count: 0, label_list: [] } })));
    const overridden = (await (await fetch(`${mock.url}/v2/servicerequest/labels`, { headers: TOKEN })).json()) as { total_count: number };
    expect(overridden.total_count).toBe(0);
    mock.resetOverrides();
    const stateful = (await (await fetch(`${mock.url}/v2/servicerequest/labels`, { headers: TOKEN })).json()) as {
      label_list: { name: string }[];
    };
    expect(stateful.label_list.map((label) => label.name)).toContain('urgent');
  });
});

describe('proxy mode', () => {
  test('overrides do not go with a proxy, which forwards every request: refused at start and by use()', async () => {
    const closed = override('showCaseStatus', () => ({ status: 200, body: { status: 4 } }));
    await expect(startMock({ port: 0, proxy: 'http://127.0.0.1:9', overrides: [closed] })).rejects.toThrow(
      'startMock(): overrides and proxy do not go together: a proxy forwards every request.',
    );
    const proxy = await startMock({ port: 0, proxy: 'http://127.0.0.1:9' });
    try {
      expect(() => proxy.use(closed)).toThrow('This mock is a proxy: it forwards every request, so overrides do not apply.');
    } finally {
      await proxy.close();
    }
  });
});
