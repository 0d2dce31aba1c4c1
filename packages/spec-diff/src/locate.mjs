// Finds where a change lives in the hand-written sources: follows a path in the bundled document from
// spec/openapi.yaml through each $ref into the file that holds it (a path file, a schema file), down to
// the deepest node that still exists there - for a removal, the object it was removed from.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/**
 * A locator over the spec sources under `root` (a folder holding `spec/openapi.yaml`).
 * @param {string} root
 * @returns {(pointer: (string | number)[]) => { file: string, line: number }} file relative to root
 */
export function sourceLocator(root) {
  const files = new Map();
  const load = (file) => {
    if (!files.has(file)) {
      const lineCounter = new LineCounter();
      const path = join(root, file);
      const document = existsSync(path) ? parseDocument(readFileSync(path, 'utf8'), { lineCounter }) : null;
      files.set(file, { document, lineCounter });
    }
    return files.get(file);
  };
  const lineOf = (file, node) => (node?.range ? load(file).lineCounter.linePos(node.range[0]).line : 1);

  /** Follows `node`'s $ref (another file, a fragment, or both) until a node without one. */
  const follow = (file, node) => {
    for (let hops = 0; isMap(node) && node.has('$ref') && hops < 10; hops += 1) {
      const [target, fragment = ''] = String(node.get('$ref')).split('#');
      const nextFile = target ? normalize(join(dirname(file), target)) : file;
      let next = load(nextFile).document?.contents;
      for (const key of fragment.split('/').filter(Boolean))
        next = isMap(next) ? next.get(key.replace(/~1/g, '/').replace(/~0/g, '~'), true) : undefined;
      if (!next) break;
      file = nextFile;
      node = next;
    }
    return { file, node };
  };

  return (pointer) => {
    let file = 'spec/openapi.yaml';
    let node = load(file).document?.contents;
    let line = 1;
    for (const segment of pointer) {
      const from = file;
      ({ file, node } = follow(file, node));
      // Into another file: until a key matches there, the place is the top of what the $ref points at.
      if (file !== from) line = lineOf(file, node);
      let child;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (pair) {
          child = pair.value;
          line = lineOf(file, pair.key);
        }
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        child = node.items[segment];
        line = lineOf(file, child);
      }
      if (!child) break;
      node = child;
    }
    return { file: relative(root, join(root, file)).split('\\').join('/'), line };
  };
}
