// Loads a YAML/JSON document without losing integers (every integer becomes a BigInt) and replaces
// each $ref with the value it points at, so that the hand-written sources and the bundle can be compared
// value by value.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

/** Parses YAML or JSON text, keeping every integer exact (as a BigInt). */
export function parseExact(text: string): unknown {
  return parse(text, { intAsBigInt: true, maxAliasCount: -1 });
}

function pointer(doc: unknown, fragment: string, where: string): unknown {
  let node = doc;
  for (const raw of fragment.split('/').slice(1)) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`${where}: no ${fragment}`);
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * The document in `file` with every $ref (to another file, to a fragment of one, or inside the same
 * file) replaced by its target. A $ref cycle is an error: the spec avoids recursive schemas.
 */
export function dereferenceFile(file: string): unknown {
  const cache = new Map<string, unknown>();
  const load = (path: string): unknown => {
    if (!cache.has(path)) cache.set(path, parseExact(readFileSync(path, 'utf8')));
    return cache.get(path);
  };
  const walk = (node: unknown, base: string, trail: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, base, trail));
    if (node === null || typeof node !== 'object') return node;
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string') {
      const [target = '', fragment = ''] = ref.split('#');
      const path = target === '' ? base : resolve(dirname(base), target);
      const key = `${path}#${fragment}`;
      if (trail.includes(key)) throw new Error(`$ref cycle: ${[...trail, key].join(' -> ')}`);
      return walk(pointer(load(path), fragment, path), path, [...trail, key]);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, base, trail)]));
  };
  return walk(load(file), file, []);
}

/** Every place where `a` and `b` differ, as JSON-pointer-like paths with both values. */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Object.is(a, b) ? [] : [`${path || '/'}: ${String(a)} != ${String(b)}`];
  }
  if (Array.isArray(a) !== Array.isArray(b)) return [`${path}: array != object`];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((key) => {
    const [x, y] = [(a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]];
    return differences(x, y, `${path}/${key}`);
  });
}
