// Reading a bundled document along the paths api-smart-diff reports, which run through resolved $refs.

/** Follows a local `$ref` (`#/components/...`) inside `document`. */
export function deref(document, node) {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 10; hops += 1) {
    current = current.$ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((n, key) => n?.[key], document);
  }
  return current;
}

/** The parameter at `index` as api-smart-diff numbers them: the operation's own, then the path item's. */
export function parameterAt(document, url, method, index) {
  const item = document.paths?.[url] ?? {};
  const all = [...(item[method]?.parameters ?? []), ...(item.parameters ?? [])];
  return deref(document, all[index]);
}

/**
 * The value at `path` in `document`, following $refs on the way; undefined when the path leaves it.
 * @param {object} document a bundled OpenAPI document
 * @param {(string | number)[]} path as api-smart-diff reports it
 */
export function valueAt(document, path) {
  const [top, url, method, part, index, ...rest] = path;
  if (top === 'paths' && part === 'parameters' && index !== undefined) {
    return rest.reduce((node, key) => deref(document, node)?.[key], parameterAt(document, url, method, index));
  }
  return path.reduce((node, key) => deref(document, node)?.[key], document);
}
