// The shared answer checker on the bundled spec, with a policy of the test's own: the order of its checks,
// what both users rely on (bodies as JSON, bytes, none or unread; headers; a choice explained by one
// branch), and that nothing is compiled before an answer is checked, and each response once.
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, test, vi } from 'vitest';
import { type AnswerPolicy, createAnswerChecker } from '../../src/validation/answer-checker.js';

const spec = loadSpec();
const STATUS = { operationId: 'showCaseStatus', method: 'get', pathTemplate: '/v2/servicerequest/cases/{case_id}/status' };
const DOWNLOAD = { operationId: 'downloadAccessories', method: 'get', pathTemplate: '/v2/servicerequest/accessorys/{accessory_id}' };
const JSON_TYPE = 'application/json';
/** `default` covers nothing: every unlisted status is a finding. */
const NOTHING: AnswerPolicy = { coveredByDefault: () => false, defaultMeans: 'what default covers' };
const bytes = (text: string) => ({ bytes: new TextEncoder().encode(text) });

describe('cold start', () => {
  test('no ajv until an answer is checked; each response compiled once, the components once', async () => {
    // Test files share workers (isolate: false): the checker is imported afresh, over a counting ajv.
    const made = { ajvs: 0, compiles: 0 };
    vi.resetModules();
    vi.doMock('ajv', async (importOriginal) => {
      const original = await importOriginal<typeof import('ajv')>();
      class CountedAjv extends original.Ajv {
        constructor(...args: ConstructorParameters<typeof original.Ajv>) {
          super(...args);
          made.ajvs += 1;
          const compile = this.compile.bind(this);
          this.compile = ((...compileArgs: Parameters<typeof compile>) => {
            made.compiles += 1;
            return compile(...compileArgs);
          }) as typeof compile;
        }
      }
      return { ...original, Ajv: CountedAjv };
    });
    try {
      const fresh = await import('../../src/validation/answer-checker.js');
      const check = fresh.createAnswerChecker(spec, NOTHING);
      expect(made).toEqual({ ajvs: 0, compiles: 0 });
      check(STATUS, { status: 200, contentType: JSON_TYPE, body: { json: { status: 4 } } });
      const first = { ...made };
      expect(first.ajvs).toBe(1);
      expect(first.compiles).toBeGreaterThan(0);
      check(STATUS, { status: 200, contentType: JSON_TYPE, body: { json: { status: 5 } } });
      check(STATUS, { status: 200, contentType: JSON_TYPE, body: { json: { statuss: 4 } } });
      expect(made).toEqual(first);
    } finally {
      vi.doUnmock('ajv');
      vi.resetModules();
    }
  });
});

describe('the policy', () => {
  test('decides what `default` covers, and how an unlisted status is said', () => {
    const check = createAnswerChecker(spec, { coveredByDefault: (status) => status === 418, defaultMeans: 'a 418' });
    expect(
      check(STATUS, { status: 418, contentType: JSON_TYPE, body: { json: { error_code: 'APIGW.0101', error_msg: 'teapot' } } }),
    ).toEqual([]);
    expect(check(STATUS, { status: 451, contentType: JSON_TYPE, body: { json: { status: 4 } } })).toEqual([
      {
        kind: 'unlisted-status',
        place: { part: 'status' },
        value: 451,
        rule: `451 is not an answer of showCaseStatus (GET ${STATUS.pathTemplate}): the spec lists 200, 400, 401, 403, 429, 500, 503, and a 418`,
      },
    ]);
  });

  test('an unlisted status whose body says it is an error is still checked against `default`', () => {
    const check = createAnswerChecker(spec, NOTHING);
    expect(
      check(STATUS, { status: 404, contentType: JSON_TYPE, body: { json: { error_code: 'OSM.9', error_msg: 'x' } } }).map(
        (finding) => finding.kind,
      ),
    ).toEqual(['unlisted-status', 'unknown-error-code']);
  });
});

describe('bodies', () => {
  const check = createAnswerChecker(spec, NOTHING);

  test('bytes sent as JSON are parsed; bytes that are not JSON are said so, and not checked further', () => {
    expect(check(STATUS, { status: 200, contentType: 'application/json;charset=UTF-8', body: bytes('{"status":4}') })).toEqual([]);
    expect(check(STATUS, { status: 200, contentType: JSON_TYPE, body: bytes('{"status":') })).toEqual([
      { kind: 'wrong-type', place: { part: 'body', path: [] }, rule: 'is not JSON, though sent as application/json' },
    ]);
  });

  test('no body where the response has a schema is a missing body; an unread one is not judged', () => {
    expect(check(STATUS, { status: 200, contentType: JSON_TYPE, body: { none: true } })).toEqual([
      { kind: 'missing-required', place: { part: 'body', path: [] }, rule: 'is required' },
    ]);
    expect(check(STATUS, { status: 200, body: bytes('') })).toEqual([
      { kind: 'missing-required', place: { part: 'body', path: [] }, rule: 'is required' },
    ]);
    expect(check(STATUS, { status: 200, contentType: JSON_TYPE, body: { unread: true } })).toEqual([]);
  });

  test('a body without a Content-Type is a media type the response does not list', () => {
    expect(check(STATUS, { status: 200, body: { unread: true } })).toEqual([
      {
        kind: 'unlisted-content-type',
        place: { part: 'content type' },
        value: '(none)',
        rule: `none is not one of showCaseStatus (GET ${STATUS.pathTemplate})'s 200 answer: the spec lists application/json`,
      },
    ]);
  });

  test('a business error is explained as one, a result as a result, whichever branch is nearer', () => {
    // Two findings as an error (error_msg missing, `total` unknown), one as a result (error_code unknown):
    // the body's error_code says which it is.
    expect(
      check(STATUS, { status: 200, contentType: JSON_TYPE, body: { json: { error_code: 'OSM.0001', total: 1 } } }).map((finding) => [
        finding.kind,
        finding.place,
      ]),
    ).toEqual([
      ['missing-required', { part: 'body', path: ['error_msg'] }],
      ['unknown-field', { part: 'body', path: ['total'] }],
    ]);
    expect(check(STATUS, { status: 200, contentType: JSON_TYPE, body: { json: { status: '4' } } }).map((finding) => finding.kind)).toEqual([
      'wrong-type',
      'out-of-range',
    ]);
  });

  test('a file is any listed type, its bytes not inspected; the same answer as JSON is checked as an error body', () => {
    expect(check(DOWNLOAD, { status: 200, contentType: 'application/octet-stream', body: bytes('%PDF') })).toEqual([]);
    expect(
      check(DOWNLOAD, { status: 200, contentType: JSON_TYPE, body: { json: { error_code: 'OSM.0001' } } }).map((finding) => finding.kind),
    ).toEqual(['missing-required']);
  });
});

describe('headers', () => {
  const check = createAnswerChecker(spec, NOTHING);

  test('checked against those the response declares when given; not at all when not', () => {
    const answer = { status: 200, contentType: 'application/octet-stream', body: { unread: true } as const };
    expect(check(DOWNLOAD, { ...answer, headers: { 'content-disposition': 'attachment; filename="a.png"' } })).toEqual([]);
    expect(check(DOWNLOAD, { ...answer, headers: { 'content-disposition': ['a', 'b'] } })).toEqual([]);
    expect(check(DOWNLOAD, answer)).toEqual([]);
  });
});

test('an operation the spec does not have', () => {
  expect(
    createAnswerChecker(spec, NOTHING)({ method: 'post', pathTemplate: '/v2/everything' }, { status: 200, body: { none: true } }),
  ).toEqual([{ kind: 'unknown-operation', place: { part: 'operation' }, rule: 'POST /v2/everything is not in the spec' }]);
});
