// The response lookup on its own: operations, response keys by status and range, listed media types.
import { expect, test } from 'vitest';
import { listedMediaType, listedResponseKey, operationName, resolve, responsesOf } from '../../src/validation/response-lookup.js';

const document = {
  paths: { '/things/{id}': { $ref: '#/components/pathItems/Thing' } },
  components: { pathItems: { Thing: { get: { responses: { '200': {}, '4XX': {}, default: {} } } } } },
};

test('an operation is found through references, by method in any case; an unknown one is undefined', () => {
  expect(Object.keys(responsesOf(document, { method: 'GET', pathTemplate: '/things/{id}' })!)).toEqual(['200', '4XX', 'default']);
  expect(responsesOf(document, { method: 'post', pathTemplate: '/things/{id}' })).toBeUndefined();
  expect(resolve(document, { $ref: '#/components/pathItems/Thing' })).toBe(document.components.pathItems.Thing);
});

test('a status selects its own key, else its range; default is left to the policy', () => {
  const responses = { '200': {}, '4XX': {}, default: {} };
  expect(listedResponseKey(responses, 200)).toBe('200');
  expect(listedResponseKey(responses, 404)).toBe('4XX');
  expect(listedResponseKey(responses, 503)).toBeUndefined();
});

test('a listed media type is found case-blind', () => {
  expect(listedMediaType({ 'Application/JSON': {} }, 'application/json')).toBe('Application/JSON');
  expect(listedMediaType({ 'application/json': {} }, undefined)).toBeUndefined();
});

test('an operation is named by its operationId when it has one', () => {
  expect(operationName({ operationId: 'showThing', method: 'get', pathTemplate: '/things/{id}' })).toBe('showThing (GET /things/{id})');
  expect(operationName({ method: 'get', pathTemplate: '/things/{id}' })).toBe('GET /things/{id}');
});
