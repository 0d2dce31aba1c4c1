// Compile-time guarantees of the client's types: what a call accepts and what it resolves to.
import { describe, expectTypeOf, test } from 'vitest';
import {
  createOsmClient,
  type OsmClient,
  type OsmData,
  type OsmError,
  type OsmErrorBody,
  type OsmOperation,
  type OsmPathsWith,
  type OsmSchema,
  type paths,
} from '../../src/index.js';

const client = createOsmClient();
const STATUS = '/v2/servicerequest/cases/{case_id}/status';

describe('results', () => {
  test('data is the success type without the OsmErrorBody alternative; error is an OsmError', async () => {
    const { data, error, response } = await client.GET(STATUS, { params: { path: { case_id: 'x' } } });
    expectTypeOf(response).toEqualTypeOf<Response>();
    if (error) {
      expectTypeOf(error).toEqualTypeOf<OsmError>();
      expectTypeOf(data).toEqualTypeOf<undefined>();
    } else {
      expectTypeOf(data).toEqualTypeOf<OsmSchema<'ShowCaseStatusResponse'>>();
      expectTypeOf(data.status).toEqualTypeOf<OsmSchema<'CaseStatus'> | undefined>();
    }
  });

  test('no operation of any method leaks OsmErrorBody into data', () => {
    type Leaks<M extends 'GET' | 'PUT' | 'POST' | 'DELETE'> = {
      [P in OsmPathsWith<M>]: Extract<OsmData<OsmOperation<P, M>>, OsmErrorBody> extends never ? never : P;
    }[OsmPathsWith<M>];
    // The control: the spec's own 200 type does include the error body.
    type SpecStatus = paths[typeof STATUS]['get']['responses'][200]['content']['application/json'];
    expectTypeOf<Extract<SpecStatus, OsmErrorBody>>().not.toBeNever();
    expectTypeOf<Leaks<'GET'>>().toBeNever();
    expectTypeOf<Leaks<'POST'>>().toBeNever();
    expectTypeOf<Leaks<'PUT'>>().toBeNever();
    expectTypeOf<Leaks<'DELETE'>>().toBeNever();
  });

  test('a file operation gives a Blob by default, and what parseAs asks for', async () => {
    const path = '/v2/servicerequest/accessorys/{accessory_id}';
    const blob = await client.GET(path, { params: { path: { accessory_id: 'a' } } });
    if (!blob.error) expectTypeOf(blob.data).toEqualTypeOf<Blob>();
    const stream = await client.GET(path, { params: { path: { accessory_id: 'a' } }, parseAs: 'stream' });
    if (!stream.error) expectTypeOf(stream.data).toEqualTypeOf<Response['body']>();
  });

  test('OsmClient has exactly the methods OSM uses', () => {
    expectTypeOf<keyof OsmClient>().toEqualTypeOf<'GET' | 'PUT' | 'POST' | 'DELETE'>();
  });
});

describe('parameters', () => {
  test('path parameters are required and typed', () => {
    // @ts-expect-error the init (with the path parameter) is required
    void client.GET(STATUS);
    // @ts-expect-error case_id is missing
    void client.GET(STATUS, { params: { path: {} } });
    // @ts-expect-error misspelt path parameter
    void client.GET(STATUS, { params: { path: { caseId: 'x' } } });
    // @ts-expect-error case_id is a string
    void client.GET(STATUS, { params: { path: { case_id: 1 } } });
  });

  test('query parameters are typed, arrays included', () => {
    void client.GET('/v2/servicerequest/cases', { params: { query: { limit: 10, label_id_list: ['1', '2'] } } });
    // @ts-expect-error limit is a number
    void client.GET('/v2/servicerequest/cases', { params: { query: { limit: '10' } } });
    // @ts-expect-error no such query parameter
    void client.GET('/v2/servicerequest/cases', { params: { query: { page: 1 } } });
    void client.POST('/v2/servicerequest/cases/{case_id}/labels', { params: { path: { case_id: 'x' }, query: { label_ids: [1, 2] } } });
    // @ts-expect-error label_ids is required
    void client.POST('/v2/servicerequest/cases/{case_id}/labels', { params: { path: { case_id: 'x' }, query: {} } });
  });

  test('header parameters are typed', () => {
    void client.GET('/v2/servicerequest/cases', { params: { header: { 'X-Site': 1, 'X-Language': 'en-us' } } });
    // @ts-expect-error X-Site is 0 or 1
    void client.GET('/v2/servicerequest/cases', { params: { header: { 'X-Site': 2 } } });
  });

  test('bodies are required and typed', () => {
    type Body = NonNullable<paths['/v2/servicerequest/cases']['post']['requestBody']>['content']['application/json'];
    const body = {} as Body;
    void client.POST('/v2/servicerequest/cases', { body });
    // @ts-expect-error the body is required
    void client.POST('/v2/servicerequest/cases', {});
    // @ts-expect-error simple_description is a string
    void client.POST('/v2/servicerequest/cases', { body: { ...body, simple_description: 42 } });
    // A multipart body takes a Blob for the file part.
    void client.POST('/v2/servicerequest/accessorys', { body: { file: new Blob(['x']), form_data: '{}' } });
  });

  test('paths must exist for the method', () => {
    // @ts-expect-error there is no DELETE on the status path
    void client.DELETE(STATUS, { params: { path: { case_id: 'x' } } });
    // @ts-expect-error no such path
    void client.GET('/v2/servicerequest/nothing');
  });

  test('per-call options are typed', () => {
    void client.GET('/v2/servicerequest/cases', { timeoutMs: 5_000, retry: { attempts: 5 }, signal: AbortSignal.timeout(1) });
    void client.POST('/v2/servicerequest/cases', { body: {} as never, retry: false });
    // @ts-expect-error retry methods are OSM's methods
    void client.GET('/v2/servicerequest/cases', { retry: { methods: ['PATCH'] } });
  });
});
