// No import cycles in src/, type-only imports included: each module can be read (and tree-shaken) on its
// own. The graph is read from the import/export statements of the source files.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const SRC = new URL('../../src', import.meta.url).pathname;
const RELATIVE_SPECIFIER = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*'(\.[^']+)'/g;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

/** File -> the files it imports (relative imports only; `.js` specifiers name `.ts` sources). */
function importGraph(): Map<string, string[]> {
  return new Map(
    sourceFiles(SRC).map((file) => [
      file,
      [...readFileSync(file, 'utf8').matchAll(RELATIVE_SPECIFIER)].map(([, specifier = '']) =>
        resolve(dirname(file), specifier.replace(/\.js$/, '.ts')),
      ),
    ]),
  );
}

/** The cycles found by a depth-first walk, each as the chain of files around it. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    const at = chain.indexOf(file);
    if (at !== -1) return void found.push([...chain.slice(at), file].map((path) => relative(SRC, path)));
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) walk(next, [...chain, file]);
    done.add(file);
  };
  for (const file of graph.keys()) walk(file, []);
  return found;
}

test('the import graph is read: every file found, every import a file', () => {
  const graph = importGraph();
  expect(graph.size).toBeGreaterThan(20);
  for (const imports of graph.values()) for (const target of imports) expect(graph.has(target), target).toBe(true);
  expect(
    cycles(
      new Map([
        ['a', ['b']],
        ['b', ['a']],
      ]),
    ),
  ).toHaveLength(1); // the walk does find a cycle
});

test('src/ has no import cycles', () => {
  expect(cycles(importGraph())).toEqual([]);
});
