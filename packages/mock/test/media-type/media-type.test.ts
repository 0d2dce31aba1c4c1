// Media types, read one way by the engine, the answer checker and the proxy.
import { expect, test } from 'vitest';
import { isJson, mediaTypeOf } from '../../src/engine/media-type.js';

test('a Content-Type is read without its parameters and case; none, or blank, is no media type', () => {
  expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
  expect(mediaTypeOf('multipart/form-data; boundary=x')).toBe('multipart/form-data');
  expect(mediaTypeOf(['text/plain', 'application/json'])).toBe('text/plain');
  expect([mediaTypeOf(undefined), mediaTypeOf(' '), mediaTypeOf(';charset=utf-8'), mediaTypeOf([])]).toEqual([
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
});

test('JSON and +json types are told apart from the rest', () => {
  const json = ['application/json', 'application/problem+json', 'application/vnd.osm.v2+json', 'application/a+b+json'];
  const other = ['application/octet-stream', 'text/json', 'application/jsonp', 'application/+json', 'application/json+x', undefined];
  expect(json.map(isJson)).toEqual(json.map(() => true));
  expect(other.map(isJson)).toEqual(other.map(() => false));
});

test('a hostile Content-Type of 16 KB is read at once (no backtracking blow-up)', () => {
  const started = performance.now();
  expect(isJson(`application/${'+'.repeat(16_384)}jso`)).toBe(false);
  expect(mediaTypeOf(`${'a'.repeat(16_384)};${'b'.repeat(16_384)}`)).toHaveLength(16_384);
  expect(performance.now() - started).toBeLessThan(1_000);
});
