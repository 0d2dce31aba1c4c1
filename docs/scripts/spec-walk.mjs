// Small helpers for walking the bundled spec (every $ref in it is a local `#/components/...` one).

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Resolves a local `#/components/...` reference of the bundled spec; anything else is returned as is. */
export function deref(spec, node) {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((obj, key) => obj?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
}

/** Every operation of the spec as `[path, method, operation, pathItem]`, in document order. */
export function operations(spec) {
  return Object.entries(spec.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => [path, m, item[m], item]));
}
