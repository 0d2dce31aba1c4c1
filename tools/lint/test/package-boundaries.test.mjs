// Code shared between workspace packages goes through the package graph (a dependency in package.json and an
// import by package name), never through a relative path into another package's folder: turbo sees only
// the graph, so a relative import is a dependency its cache cannot see. And the graph has no cycle but the
// known ones.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * Relative imports across packages that are known and deliberate, with the reason. Anything else fails.
 * `vitest.shared.mjs`, `chromium.shared.mjs` and `tsc.shared.mjs` are the root's shared configuration (turbo hashes
 * them as global dependencies).
 */
const ALLOWED = new Map([
  ['vitest.shared.mjs', 'the root test settings every package reads; a global dependency in turbo.json'],
  [
    'chromium.shared.mjs',
    "how every browser test launches Chromium, read by three packages and npm test's set-up; a global dependency in turbo.json",
  ],
  [
    'tsc.shared.mjs',
    "the workspace's TypeScript 7 tsc, for the packages that keep TypeScript 5 as their own; a global dependency in turbo.json",
  ],
  [
    'packages/client/scripts/openapi-types.mjs',
    "the client's type generator, which suite 3 runs on another spec; not in the published files",
  ],
  ['packages/mock/test/support/edge-requests.ts', "the mock's table of edge requests, an input of contract-tests#test in its turbo.json"],
  ['tools/coverage/inventory.mjs', 'the reference inventories, an input of contract-tests#test in its turbo.json'],
]);

/**
 * Package cycles that are known, with the reason; any other fails. Turbo warns about each on every run.
 * None today: the client's tests against the mock, which made client <-> mock one, live in contract-tests.
 */
const KNOWN_CYCLES = new Map();

const tracked = (...patterns) =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...patterns], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);

/** The workspace's package folders (the root is '.'), deepest first so a file's owner is the first match. */
const manifests = tracked('package.json', '*/package.json').filter((file) => !file.split('/').includes('test'));
const packageDirs = manifests.map((file) => dirname(file)).sort((a, b) => b.length - a.length);
const ownerOf = (file) => packageDirs.find((dir) => dir === '.' || file === dir || file.startsWith(`${dir}/`));

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

describe('package boundaries', () => {
  it('no relative import reaches into another package', () => {
    const crossings = [];
    for (const file of tracked('*.ts', '*.mts', '*.mjs', '*.js', '*.cjs')) {
      for (const [, specifier] of readFileSync(join(root, file), 'utf8').matchAll(SPECIFIER)) {
        const target = relative(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, (js) =>
          file.endsWith('.ts') ? '.ts' : js,
        );
        if (ownerOf(target) === ownerOf(file) || ALLOWED.has(target)) continue;
        crossings.push(`${file} imports ${specifier} (${ownerOf(target)}): depend on that package and import it by name`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it('every allowed crossing still exists (a stale entry would allow a new one silently)', () => {
    const files = new Set(tracked());
    expect([...ALLOWED.keys()].filter((file) => !files.has(file))).toEqual([]);
  });

  it('the workspace packages depend on each other without a cycle', () => {
    const packages = manifests.map((file) => JSON.parse(readFileSync(join(root, file), 'utf8')));
    const names = new Set(packages.map((manifest) => manifest.name));
    const edges = new Map(
      packages.map((manifest) => {
        const all = {
          ...manifest.dependencies,
          ...manifest.devDependencies,
          ...manifest.peerDependencies,
          ...manifest.optionalDependencies,
        };
        return [manifest.name, Object.keys(all).filter((name) => names.has(name) && name !== manifest.name)];
      }),
    );
    const cycles = [];
    const state = new Map();
    const visit = (name, path) => {
      if (state.get(name) === 'done') return;
      if (state.get(name) === 'open') {
        cycles.push([...path.slice(path.indexOf(name)), name].join(' -> '));
        return;
      }
      state.set(name, 'open');
      for (const next of edges.get(name) ?? []) visit(next, [...path, name]);
      state.set(name, 'done');
    };
    for (const name of names) visit(name, []);
    expect(cycles.filter((cycle) => !KNOWN_CYCLES.has(cycle))).toEqual([]);
    // A known cycle that is gone must leave the list, or a new one could take its place unnoticed.
    expect([...KNOWN_CYCLES.keys()].filter((cycle) => !cycles.includes(cycle))).toEqual([]);
    // The libraries that used to be folders of tools/ are packages now, and tools depends on them by name.
    expect(edges.get('@osm-openapi/tools')).toContain('@osm-openapi/spec-diff');
  });
});
