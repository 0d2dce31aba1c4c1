// The overrides' answer check on its own (src/validation/'s checker with the overrides' policy and
// words): the status, the content type and the body of an answer against the operation's responses in
// the spec, and the words of what it finds.
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, test } from 'vitest';
import { createOverrideAnswerCheck, describeViolations } from '../../src/overrides/answer-check.js';

const check = createOverrideAnswerCheck(loadSpec());
const STATUS = { operationId: 'showCaseStatus', method: 'get', pathTemplate: '/v2/servicerequest/cases/{case_id}/status' };
const LABELS = { operationId: 'listLabels', method: 'GET', pathTemplate: '/v2/servicerequest/labels' };
const DOWNLOAD = { operationId: 'downloadAccessories', method: 'get', pathTemplate: '/v2/servicerequest/accessorys/{accessory_id}' };
const JSON_TYPE = 'application/json';

describe('bodies', () => {
  test('an answer the spec allows: no violation, for the result and for a business error', () => {
    expect(check(STATUS, 200, JSON_TYPE, { status: 4 })).toEqual([]);
    expect(check(STATUS, 200, 'application/json; charset=utf-8', { error_code: 'OSM.0001', error_msg: 'Param validation fail.' })).toEqual(
      [],
    );
  });

  test("a nested choice (an error code: the catalogue's or a gateway's) is one violation saying both rules", () => {
    const [violation, ...rest] = check(STATUS, 400, JSON_TYPE, { error_code: 'NOPE', error_msg: 'x' });
    expect(rest).toEqual([]);
    expect(violation?.where).toBe('body field error_code');
    expect(violation?.rule).toMatch(/^must be one of "OSM\.0001", .* \(\d+ values\) or must match pattern "\^APIGW/);
  });

  test('a misspelt field is named, from the branch the body came nearest to', () => {
    expect(check(STATUS, 200, JSON_TYPE, { statuss: 4 })).toEqual([
      { where: 'body field statuss', rule: 'is not a field of this answer in the spec' },
    ]);
  });

  test('a value outside an enum names the field and the values allowed', () => {
    expect(check(STATUS, 200, JSON_TYPE, { status: 5 })).toEqual([
      { where: 'body field status', rule: 'must be one of 0, 1, 2, 3, 4, 12, 17' },
    ]);
  });

  test('nested fields are named by their path, and every problem is listed', () => {
    const violations = check(LABELS, 200, JSON_TYPE, { label_list: [{ label_id: 1, name: 'a', colour: '#fff' }, { label_id: 'two' }] });
    expect(violations).toEqual(
      expect.arrayContaining([
        { where: 'body field label_list.0.colour', rule: 'is not a field of this answer in the spec' },
        { where: 'body field label_list.1.label_id', rule: 'must be integer' },
      ]),
    );
  });

  test('a missing required field of an error answer', () => {
    expect(check(STATUS, 401, JSON_TYPE, { error_code: 'OSM.0002' })).toEqual([{ where: 'body field error_msg', rule: 'is required' }]);
  });

  test('no body where the spec has one', () => {
    expect(check(STATUS, 200, JSON_TYPE, undefined)).toEqual([{ where: 'body', rule: 'is required' }]);
  });
});

describe('statuses', () => {
  test('a status the operation does not list, and that its `default` does not cover, names what it lists', () => {
    const [violation, ...rest] = check(STATUS, 201, JSON_TYPE, { status: 4 });
    expect(rest).toEqual([]);
    expect(violation).toEqual({
      where: 'status',
      rule: '201 is not an answer of showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status): the spec lists 200, 400, 401, 403, 429, 500, 503, and any other 4xx or 5xx error',
    });
  });

  test('`default` covers other errors, with its own body: the gateway throttling with 429', () => {
    expect(check(STATUS, 429, JSON_TYPE, { error_code: 'APIGW.0308', error_msg: 'The request is throttled.' })).toEqual([]);
    expect(check(STATUS, 429, JSON_TYPE, { status: 4 })).toContainEqual({ where: 'body field error_code', rule: 'is required' });
  });
});

describe('content types', () => {
  test('a file answer: any listed type, bytes not inspected', () => {
    expect(check(DOWNLOAD, 200, 'application/octet-stream', new Uint8Array([1, 2, 3]))).toEqual([]);
  });

  test('a type the response does not list names the ones it does', () => {
    expect(check(STATUS, 200, 'text/plain', 'closed')).toEqual([
      {
        where: 'content type',
        rule: "text/plain is not one of showCaseStatus (GET /v2/servicerequest/cases/{case_id}/status)'s 200 answer: the spec lists application/json",
      },
    ]);
  });
});

test('an operation that is not in the spec', () => {
  expect(check({ operationId: 'closeEverything', method: 'post', pathTemplate: '/v2/everything' }, 200, JSON_TYPE, {})).toEqual([
    { where: 'operation', rule: 'closeEverything (POST /v2/everything) is not in the spec' },
  ]);
});

test('describeViolations joins them as the mock words a refusal', () => {
  expect(
    describeViolations([
      { where: 'status', rule: 'is wrong' },
      { where: 'body field a', rule: 'is required' },
    ]),
  ).toBe('status: is wrong; body field a: is required');
});
