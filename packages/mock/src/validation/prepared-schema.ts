// A schema of the spec as ajv is given it. Two changes to the document's text, both so that a field the
// spec lacks is found where it is rather than silently accepted:
// - every `#/...` reference points at the document's components, registered once under COMPONENTS_ID,
//   so a schema many responses share (OsmErrorBody, IncidentInfoV2) is compiled once;
// - object schemas that list their properties are closed (`additionalProperties: false`) unless they say
//   `additionalProperties` themselves. Schemas under `not` stay open: closing them would make `not`
//   accept what it exists to refuse (a result's `not: {required: [error_code]}`).
// OpenAPI's annotations (`example`, `examples`, `x-*`) are left out: ajv has no use for them, and an
// example's objects must not be mistaken for schemas.

/** Where the document's components live for ajv; every `#/components/...` reference is rewritten to it. */
export const COMPONENTS_ID = 'osm-answer-components';

/** Keywords whose value is data, not a schema: copied as they are. */
const DATA_KEYWORDS = new Set(['enum', 'required', 'default', 'const']);

/** A copy of `node` for ajv: references rewritten, objects closed (unless `close` is false), annotations dropped. */
export function prepareSchema(node: unknown, close = true): unknown {
  if (Array.isArray(node)) return node.map((item) => prepareSchema(item, close));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.startsWith('#/') ? `${COMPONENTS_ID}${value}` : value;
    else if (key === 'properties' && value !== null && typeof value === 'object') {
      // The names under `properties` are field names, not keywords: a field called `example` is kept.
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, prepareSchema(schema, close)]));
    } else if (DATA_KEYWORDS.has(key)) out[key] = value;
    else out[key] = prepareSchema(value, key !== 'not' && close);
  }
  if (close && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
