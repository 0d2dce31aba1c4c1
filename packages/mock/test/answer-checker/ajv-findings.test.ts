// The error-to-finding mapping on its own, on errors of a real ajv: kinds, paths, values, readable rules,
// and the several ways ajv says one problem said once.
import { Ajv } from 'ajv';
import { expect, test } from 'vitest';
import { findingsOfAjv } from '../../src/validation/ajv-findings.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const body = (path: readonly string[]) => ({ part: 'body' as const, path });
function findings(schema: object, value: unknown) {
  const validate = ajv.compile(schema);
  validate(value);
  return findingsOfAjv(validate.errors, value, body);
}

const ITEM = {
  type: 'object',
  properties: { id: { type: 'integer' }, state: { enum: [0, 1, 2] } },
  required: ['id'],
  additionalProperties: false,
};

test('each kind, at its field path, with the value seen (for a missing field, the object lacking it)', () => {
  expect(
    findings({ type: 'array', items: ITEM }, [
      { id: 'one', state: 0 },
      { state: 7, colour: 'red' },
    ]),
  ).toEqual([
    { kind: 'wrong-type', place: body(['0', 'id']), rule: 'must be integer', value: 'one' },
    { kind: 'missing-required', place: body(['1', 'id']), rule: 'is required', value: { state: 7, colour: 'red' } },
    { kind: 'unknown-field', place: body(['1', 'colour']), rule: 'is not in the spec', value: 'red' },
    { kind: 'out-of-range', place: body(['1', 'state']), rule: 'must be one of 0, 1, 2', value: 7 },
  ]);
});

test("a choice's branches at one place are one finding saying each rule; a long enum is cut", () => {
  const codes = Array.from({ length: 12 }, (_, index) => `C${index}`);
  const [finding, ...rest] = findings(
    {
      type: 'object',
      properties: {
        error_code: {
          anyOf: [
            { type: 'string', enum: codes },
            { type: 'string', pattern: '^GW' },
          ],
        },
      },
    },
    { error_code: 'NOPE' },
  );
  expect(rest).toEqual([]);
  // A top-level error_code outside its schema is a code the catalogue lacks.
  expect(finding).toEqual({
    kind: 'unknown-error-code',
    place: body(['error_code']),
    value: 'NOPE',
    rule: `must be one of ${codes
      .slice(0, 10)
      .map((code) => `"${code}"`)
      .join(', ')}, ... (12 values) or must match pattern "^GW"`,
  });
});

test('a `not` failing where nothing else does is a value of the wrong shape; where something else fails, it is not said again', () => {
  const result = { type: 'object', properties: { status: {} }, not: { required: ['error_code'] } };
  expect(findings(result, { error_code: 'x' })).toEqual([
    { kind: 'wrong-type', place: body([]), rule: 'must NOT be valid', value: { error_code: 'x' } },
  ]);
  expect(findings({ ...result, additionalProperties: false }, { error_code: 'x' })).toEqual([
    { kind: 'unknown-field', place: body(['error_code']), rule: 'is not in the spec', value: 'x' },
  ]);
});

test("a value of the wrong type is also said against its enum (whether both are shown is the user's choice)", () => {
  expect(findings(ITEM, { id: 1, state: '2' }).map((finding) => finding.kind)).toEqual(['out-of-range']);
  expect(
    findings({ type: 'object', properties: { state: { type: 'integer', enum: [0, 1] } } }, { state: '1' }).map((finding) => finding.kind),
  ).toEqual(['wrong-type', 'out-of-range']);
});
