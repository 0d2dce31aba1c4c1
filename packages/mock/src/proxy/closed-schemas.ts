// A copy of the spec in which every object schema that lists its properties, and says nothing of
// others, is closed (`additionalProperties: false`), so that a field the spec lacks is found where it is.
// The spec has no `allOf` (which closing would break); `not` clauses (a result never carries an
// `error_code`) and examples are left as they are.

/** A deep copy of `document` with its object schemas closed. */
export function withClosedObjects(document: object): Record<string, unknown> {
  const copy = structuredClone(document) as Record<string, unknown>;
  close(copy);
  return copy;
}

function close(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) close(item);
    return;
  }
  const schema = node as Record<string, unknown>;
  if (schema.properties && typeof schema.properties === 'object' && schema.additionalProperties === undefined && schema.type !== undefined && [schema.type].flat().includes('object')) {
    schema.additionalProperties = false;
  }
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'not' || key === 'example' || key === 'examples') continue;
    close(value);
  }
}
