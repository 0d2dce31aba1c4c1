// The schema preparation on its own: references moved to the registered components, objects closed but
// under `not`, annotations dropped, data keywords copied as they are.
import { expect, test } from 'vitest';
import { COMPONENTS_ID, prepareSchema } from '../../src/validation/prepared-schema.js';

test('an object listing its properties is closed, one saying additionalProperties is left as it says', () => {
  expect(prepareSchema({ type: 'object', properties: { a: { type: 'string' } } })).toEqual({
    type: 'object',
    properties: { a: { type: 'string' } },
    additionalProperties: false,
  });
  expect(prepareSchema({ type: 'object', properties: { a: {} }, additionalProperties: true })).toMatchObject({
    additionalProperties: true,
  });
});

test('nested objects are closed, but nothing under `not` (closing it would make `not` accept what it refuses)', () => {
  const prepared = prepareSchema({
    properties: { inner: { properties: { b: {} } } },
    not: { type: 'object', required: ['error_code'], properties: { error_code: { type: 'string', minLength: 1 } } },
  }) as { properties: { inner: { additionalProperties?: boolean } }; not: { additionalProperties?: boolean } };
  expect(prepared.properties.inner.additionalProperties).toBe(false);
  expect(prepared.not.additionalProperties).toBeUndefined();
});

test('references point at the components id; examples and x- annotations are dropped, a field named example is not', () => {
  expect(prepareSchema({ $ref: '#/components/schemas/OsmErrorBody' })).toEqual({
    $ref: `${COMPONENTS_ID}#/components/schemas/OsmErrorBody`,
  });
  expect(prepareSchema({ type: 'string', example: 'x', examples: ['y'], 'x-note': 1 })).toEqual({ type: 'string' });
  expect(prepareSchema({ properties: { example: { type: 'string' } } })).toEqual({
    properties: { example: { type: 'string' } },
    additionalProperties: false,
  });
});

test('enum, required and default are data: an enum of objects is not closed', () => {
  const enumOfObjects = [{ properties: 1 }];
  expect(prepareSchema({ enum: enumOfObjects, default: { properties: {} }, required: ['a'] })).toEqual({
    enum: enumOfObjects,
    default: { properties: {} },
    required: ['a'],
  });
});
