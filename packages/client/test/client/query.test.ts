// Query strings are written the way the spec declares each parameter, derived from the bundled spec.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createOsmClient } from '../../src/index.js';
import { querySerializerFor } from '../../src/query-serializer.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: { type?: string; items?: { type?: string } };
}
const spec = JSON.parse(readFileSync(new URL('../../../spec/dist/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { parameters?: (Parameter | { $ref: string })[] }>>;
  components: { parameters: Record<string, Parameter> };
};
const resolve = (p: Parameter | { $ref: string }): Parameter => ('$ref' in p ? spec.components.parameters[p.$ref.split('/').pop()!]! : p);

const arrayParameters = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).flatMap(([method, operation]) =>
    (operation.parameters ?? [])
      .map(resolve)
      .filter((p) => p.in === 'query' && p.schema?.type === 'array')
      .map((p) => ({ path, method, parameter: p, item: operation })),
  ),
);

test('the spec has array query parameters to check', () => {
  expect(arrayParameters.length).toBeGreaterThan(0);
});

test.each(arrayParameters.map((a) => [`${a.method.toUpperCase()} ${a.path} ${a.parameter.name}`, a] as const))(
  '%s is serialized as declared',
  async (_, { path, method, parameter, item }) => {
    const fake = fakeFetch(() => json({}));
    const client = createOsmClient({ fetch: fake.fetch, retry: false });
    const values = parameter.schema?.items?.type === 'integer' ? [1, 2] : ['a b', 'c'];
    const pathParams = Object.fromEntries(
      (item.parameters ?? [])
        .map(resolve)
        .filter((p) => p.in === 'path')
        .map((p) => [p.name, 'x']),
    );
    const call = (client as unknown as Record<string, (path: string, init: object) => Promise<unknown>>)[method.toUpperCase()]!;
    await call(path, { params: { path: pathParams, query: { [parameter.name]: values } } });

    const explode = parameter.explode ?? (parameter.style ?? 'form') === 'form';
    const encoded = values.map((v) => encodeURIComponent(v));
    const expected = explode ? encoded.map((v) => `${parameter.name}=${v}`).join('&') : `${parameter.name}=${encoded.join(',')}`;
    expect(new URL(fake.requests[0]!.url).search).toBe(`?${expected}`);
  },
);

test('the serializer: declared styles, the OpenAPI default for the rest, primitives encoded, empties skipped', () => {
  const serialize = querySerializerFor({ ids: { style: 'form', explode: false }, piped: { style: 'pipeDelimited', explode: false } });
  expect(
    serialize({
      ids: [1, 2, 3],
      piped: ['a', 'b'],
      tags: ['x', 'y'],
      q: "a&b=c d/é'",
      n: 0,
      off: false,
      none: undefined,
      nil: null,
      empty: [],
    }),
  ).toBe("ids=1,2,3&piped=a|b&tags=x&tags=y&q=a%26b%3Dc%20d%2F%C3%A9'&n=0&off=false");
});
