// OSM answers business errors with HTTP 200, so every 200 is "the result or an OsmErrorBody". A consumer
// must be able to tell the two apart with nothing but the schemas: here a plain JSON Schema validator
// (ajv, strict, objects as open as the schemas leave them) checks every operation's examples against
// each branch on its own.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../dist/index.js';

type Schema = Record<string, unknown>;
type MediaType = { schema: Schema; examples?: Record<string, { $ref: string }> };
type Operation = { operationId: string; responses: Record<string, { content?: Record<string, MediaType> }> };
const spec = loadSpec() as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; examples: Record<string, { value: unknown }> };
};
/** The value of a named example: the bundle keeps every example in components and refers to it. */
const exampleValue = (ref: { $ref: string }): unknown => spec.components.examples[ref.$ref.split('/').pop()!]!.value;

/** ajv over the spec's schemas as written: OpenAPI's own keywords (`example`, `x-*`) known, nothing closed. */
function createAjv(): Ajv {
  const ajv = new Ajv({
    strict: true,
    strictTypes: true,
    strictTuples: true,
    strictRequired: true,
    allErrors: true,
    allowUnionTypes: false,
  });
  addFormats.default(ajv);
  const extensions = new Set<string>();
  JSON.stringify(spec.components.schemas, (key, value) => (key.startsWith('x-') ? void extensions.add(key) : value));
  ajv.addVocabulary(['example', ...extensions]);
  const defs = JSON.parse(JSON.stringify(spec.components.schemas).replaceAll('"#/components/schemas/', '"osm#/definitions/'));
  ajv.addSchema({ $id: 'osm', definitions: defs });
  return ajv;
}
const ajv = createAjv();
const validatorFor = (ref: string): ValidateFunction => ajv.getSchema(`osm#/definitions/${ref.split('/').pop()}`)!;

/** The names a 200's result examples take (spec/README.md); every other example there is a business error. */
const RESULT_EXAMPLES = ['success', 'reference'];

const cases = Object.values(spec.paths).flatMap((item) =>
  Object.values(item)
    .filter((op): op is Operation => typeof op === 'object' && op !== null && 'operationId' in op)
    .map((op) => ({ operationId: op.operationId, json: op.responses['200']?.content?.['application/json'] })),
);

describe('business errors and results are told apart by the schemas alone', () => {
  it('every operation has a JSON 200 answer with a businessError example', () => {
    for (const { operationId, json } of cases) expect(json?.examples, operationId).toHaveProperty('businessError');
  });

  it.each(cases)('$operationId: success examples are results only, the others (businessError...) errors only', ({ json }) => {
    const branches = (json!.schema.anyOf as Schema[] | undefined) ?? [json!.schema];
    const [error, ...results] = branches.map((b) => ({ ref: String(b.$ref), validate: validatorFor(String(b.$ref)) }));
    expect(error!.ref).toBe('#/components/schemas/OsmErrorBody');
    for (const [name, ref] of Object.entries(json!.examples ?? {})) {
      const value = exampleValue(ref);
      const isError = !RESULT_EXAMPLES.includes(name);
      expect(error!.validate(value), `${name} against OsmErrorBody`).toBe(isError);
      for (const result of results)
        expect(result.validate(value), `${name} against ${result.ref}: ${ajv.errorsText(result.validate.errors)}`).toBe(!isError);
    }
  });

  it('a result schema rejects any body with a non-empty error_code, as the client does, and keeps an empty one', () => {
    const validate = validatorFor('Acknowledgement');
    expect(validate({})).toBe(true);
    expect(validate({ error_code: 'OSM.01010015', error_msg: 'This case does not exist.' })).toBe(false);
    expect(validate({ error_code: 'APIGW.0308' })).toBe(false);
    expect(validate({ error_code: '' })).toBe(true);
  });
});
