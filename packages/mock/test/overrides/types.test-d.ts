// Compile-time guarantees of overrides (checked by tsc in the suite: vitest's typecheck, see
// vitest.config.ts): the request and the answer are typed from the spec, so a misspelt field, a status
// the operation does not list or an unknown operation does not compile.
import { describe, expectTypeOf, test } from 'vitest';
import {
  type FormFileField,
  type OsmOverride,
  type OsmOverrideAnswer,
  type OsmOverrideRequest,
  override,
  type RunningMock,
} from '../../src/index.js';
import type { OsmHandlers } from '../../src/msw/node.js';

const STATUS = 'GET /v2/servicerequest/cases/{case_id}/status';

describe('the request', () => {
  test('path and query by name, as the text sent; an enum keeps its values', () => {
    expectTypeOf<OsmOverrideRequest<typeof STATUS>['path']>().toEqualTypeOf<{ case_id: string }>();
    type ListCasesQuery = OsmOverrideRequest<'listCases'>['query'];
    expectTypeOf<ListCasesQuery['limit']>().toEqualTypeOf<`${number}` | undefined>();
    expectTypeOf<ListCasesQuery['search_key']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<ListCasesQuery['status']>().toEqualTypeOf<'0' | '1' | '2' | '3' | '4' | '12' | '17' | undefined>();
  });

  test('the JSON body, and a form with its file described', () => {
    expectTypeOf<OsmOverrideRequest<'createLabels'>['body']>().toEqualTypeOf<{ name: string; color: string }>();
    expectTypeOf<OsmOverrideRequest<'uploadAccessory'>['body']['file']>().toEqualTypeOf<FormFileField>();
    expectTypeOf<OsmOverrideRequest<'showCaseStatus'>['body']>().toEqualTypeOf<undefined>();
  });

  test('an operation by operationId and by path template is the same operation', () => {
    expectTypeOf<OsmOverrideRequest<'showCaseStatus'>['path']>().toEqualTypeOf<OsmOverrideRequest<typeof STATUS>['path']>();
    expectTypeOf<OsmOverrideRequest<'listCases'>['query']>().toEqualTypeOf<OsmOverrideRequest<'GET /v2/servicerequest/cases'>['query']>();
    expectTypeOf<OsmOverrideAnswer<'showCaseStatus'>>().toEqualTypeOf<OsmOverrideAnswer<typeof STATUS>>();
  });
});

describe('the answer', () => {
  test('a listed status with its body; `default` stands for other errors with the error body', () => {
    override('showCaseStatus', ({ path }) => (path.case_id === 'x' ? { status: 200, body: { status: 4 } } : undefined));
    override('showCaseStatus', () => ({ status: 200, body: { error_code: 'OSM.0001', error_msg: 'Param validation fail.' } }));
    override('showCaseStatus', () => ({ status: 429, body: { error_code: 'APIGW.0308', error_msg: 'The request is throttled.' } }));
    override(STATUS, async () => ({ status: 401, body: { error_code: 'OSM.0002', error_msg: 'Unauthorized.' } }));
  });

  test('a misspelt field does not compile', () => {
    // @ts-expect-error `statuss` is not a field of ShowCaseStatusResponse (nor of OsmErrorBody).
    override(STATUS, () => ({ status: 200, body: { statuss: 4 } }));
  });

  test('a value outside an enum, a missing required field, a status not listed: none compiles', () => {
    // @ts-expect-error 5 is not a CaseStatus.
    override(STATUS, () => ({ status: 200, body: { status: 5 } }));
    // @ts-expect-error an error body needs error_msg.
    override(STATUS, () => ({ status: 400, body: { error_code: 'OSM.0001' } }));
    // @ts-expect-error 201 is neither listed nor an error `default` stands for.
    override(STATUS, () => ({ status: 201, body: { status: 4 } }));
    // @ts-expect-error 429 (default) carries the error body, not the result.
    override(STATUS, () => ({ status: 429, body: { status: 4 } }));
  });

  test('a file answer takes the media types the response lists', () => {
    override('downloadAccessories', () => ({ status: 200, bytes: new Uint8Array(), contentType: 'application/octet-stream' }));
    // @ts-expect-error text/plain is not one of the download's types.
    override('downloadAccessories', () => ({ status: 200, bytes: 'x', contentType: 'text/plain' }));
  });

  test('an unknown operation does not compile', () => {
    // @ts-expect-error no such operationId.
    override('showCaseStatuss', () => undefined);
    // @ts-expect-error no such method on that path.
    override('DELETE /v2/servicerequest/cases/{case_id}/status', () => undefined);
  });
});

test('an override of any operation goes to every door', () => {
  const closed = override('showCaseStatus', () => ({ status: 200, body: { status: 4 } }));
  expectTypeOf(closed).toEqualTypeOf<OsmOverride<'showCaseStatus'>>();
  expectTypeOf<RunningMock['use']>().toBeCallableWith(
    closed,
    override('listLabels', () => undefined),
  );
  expectTypeOf<OsmHandlers['handler']>().toBeCallableWith(closed);
});
