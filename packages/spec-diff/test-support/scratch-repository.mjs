// Scratch git repositories shaped like this one, for the release and spec-diff tests: three public
// packages, a private one, and a small spec in this project's layout (fixture-spec/), committed on `main`
// and checked out on a `feature` branch.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const fixtureSpec = join(dirname(fileURLToPath(import.meta.url)), 'fixture-spec');
const created = [];

/** Runs git in `cwd` as a throwaway identity; throws with git's message on failure. */
export function git(cwd, ...args) {
  const result = spawnSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args],
    { cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Writes a file, creating its folders. */
export function write(root, path, content) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** Parses a YAML file of the repository, lets `edit` change it in place, and writes it back. */
export function editYaml(root, path, edit) {
  const document = parse(readFileSync(join(root, path), 'utf8'));
  edit(document);
  writeFileSync(join(root, path), stringify(document));
}

/** A changeset file's content: the given releases, then one sentence (and any extra lines). */
export function changeset(releases, ...extraLines) {
  const front = Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`);
  return `---\n${front.join('\n')}\n---\n\nA change.\n${extraLines.map((l) => `\n${l}\n`).join('')}`;
}

/** Creates the repository (on branch `feature`, forked from `main`); removed by removeScratchRepositories. */
export function scratchRepository() {
  const root = mkdtempSync(join(tmpdir(), 'osm-scratch-'));
  created.push(root);
  git(root, 'init', '-q', '-b', 'main');
  for (const name of ['spec', 'client', 'mock']) {
    write(root, `packages/${name}/package.json`, `${JSON.stringify({ name: `@osm-openapi/${name}`, version: '0.1.0' }, null, 2)}\n`);
    write(root, `packages/${name}/src/index.ts`, 'export {};\n');
  }
  write(root, 'packages/contract-tests/package.json', JSON.stringify({ name: '@osm-openapi/contract-tests', private: true }));
  cpSync(fixtureSpec, root, { recursive: true });
  write(root, 'spec/ERRATA.md', '# Errata\n');
  write(root, '.changeset/README.md', '# Changesets\n');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'checkout', '-q', '-b', 'feature');
  return root;
}

/** Deletes every repository scratchRepository made. */
export function removeScratchRepositories() {
  for (const root of created.splice(0)) rmSync(root, { recursive: true, force: true });
}
