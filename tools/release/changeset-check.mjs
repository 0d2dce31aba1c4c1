// The rule behind `require-changeset`: a change that users of a public package can see needs a changeset
// naming that package. Pure functions over the list of changed files, so they are easy to reason about.
import { parse } from 'yaml';

/**
 * The packages whose published output is generated from spec/**: the bundle itself and the client's
 * types. (The mock reads the spec through its @osm-openapi/spec dependency, so it follows that package.)
 */
export const SPEC_CONSUMERS = ['@osm-openapi/spec', '@osm-openapi/client'];

/** True for a file of the spec's sources (everything under spec/ but its Markdown: errata, README). */
export function isSpecSource(path) {
  return path.startsWith('spec/') && !path.endsWith('.md');
}

/** Files inside a package that never reach its users: its tests and their reports, and its changelog. */
function isInternalToPackage(pathInPackage) {
  const segments = pathInPackage.split('/');
  const name = segments.at(-1);
  return (
    segments.some((s) => s === 'test' || s === 'tests' || s === '__tests__' || s === 'test-artifacts' || s === '.turbo') ||
    /\.test\.[cm]?[jt]sx?$/.test(name) ||
    /^vitest\.config\./.test(name) ||
    name === 'CHANGELOG.md'
  );
}

/**
 * Which public packages each changed file reaches.
 * @param {{ path: string }[]} changes
 * @param {{ name: string, dir: string }[]} packages the public packages
 * @returns {Map<string, string[]>} package name -> the changed files that reach it
 */
export function affectedPackages(changes, packages) {
  const affected = new Map();
  const add = (name, path) => affected.set(name, [...(affected.get(name) ?? []), path]);
  for (const { path } of changes) {
    if (isSpecSource(path)) {
      for (const name of SPEC_CONSUMERS) if (packages.some((p) => p.name === name)) add(name, path);
      continue;
    }
    for (const pkg of packages) {
      if (path.startsWith(`${pkg.dir}/`) && !isInternalToPackage(path.slice(pkg.dir.length + 1))) add(pkg.name, path);
    }
  }
  return affected;
}

/** True for a file under .changeset/ that is a changeset (not its README). */
export function isChangesetFile(path) {
  return /^\.changeset\/[^/]+\.md$/.test(path) && path !== '.changeset/README.md';
}

/**
 * What a changeset releases, read from its front matter: package name -> bump (`major`, `minor`, `patch`).
 * An empty map is an "empty" changeset (`pnpm changeset --empty`): the author's statement that no release
 * is needed.
 * @param {string} text the changeset file's content
 * @param {string} path for error messages
 * @returns {Record<string, string>}
 */
export function releasesInChangeset(text, path) {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text);
  if (!match) throw new Error(`${path} is not a changeset: it has no front matter (--- ... ---).`);
  const releases = parse(match[1]) ?? {};
  if (typeof releases !== 'object' || Array.isArray(releases)) {
    throw new Error(`${path}: the front matter must map package names to bumps, e.g. "@osm-openapi/client": patch.`);
  }
  return releases;
}

/** The changesets this branch writes (added or modified, not deleted), read. */
export function writtenChangesets(changes, readFile) {
  return changes
    .filter((c) => isChangesetFile(c.path) && c.status !== 'D')
    .map((c) => {
      const text = readFile(c.path);
      return { path: c.path, text, releases: releasesInChangeset(text, c.path) };
    });
}

/** True for the release pull request's change: it deletes changesets (consumed into versions) and writes none. */
export function isReleaseChange(changes) {
  const changesetFiles = changes.filter((c) => isChangesetFile(c.path));
  return changesetFiles.length > 0 && changesetFiles.every((c) => c.status === 'D');
}

/**
 * Decides whether the changes carry the changesets they need.
 * @param {{ status: string, path: string }[]} changes files changed since the base
 * @param {{ name: string, dir: string }[]} packages the public packages
 * @param {(path: string) => string} readFile reads a file of the working tree
 * @returns {{ ok: boolean, message: string }}
 */
export function checkChangesets(changes, packages, readFile) {
  const affected = affectedPackages(changes, packages);
  if (affected.size === 0) return { ok: true, message: 'No public package changed: no changeset needed.' };

  const written = writtenChangesets(changes, readFile);
  // `changeset version` consumes the changesets: the release pull request deletes them and bumps versions.
  if (isReleaseChange(changes)) {
    return { ok: true, message: 'Release change (changesets consumed into versions): no new changeset needed.' };
  }
  const named = new Set();
  let hasEmpty = false;
  for (const { releases } of written) {
    const names = Object.keys(releases);
    if (names.length === 0) hasEmpty = true;
    for (const name of names) named.add(name);
  }
  const missing = [...affected.keys()].filter((name) => !named.has(name));
  if (missing.length === 0) return { ok: true, message: `Changesets cover ${[...affected.keys()].join(', ')}.` };
  if (hasEmpty) {
    return { ok: true, message: `An empty changeset says no release is needed for ${missing.join(', ')}.` };
  }

  const lines = [
    `A changeset is missing for ${missing.join(', ')}: this branch changes what users of ${missing.length > 1 ? 'these packages' : 'this package'} get.`,
  ];
  for (const name of missing) {
    const files = affected.get(name);
    const shown = files.slice(0, 5).join(', ');
    lines.push(`  ${name}: ${shown}${files.length > 5 ? ` and ${files.length - 5} more` : ''}`);
  }
  lines.push(
    'Run `pnpm changeset`, pick the package(s) and the bump, and describe the change in one sentence for the changelog.',
    'If users see no difference (a refactor, a comment), record that with `pnpm changeset --empty`.',
  );
  return { ok: false, message: lines.join('\n') };
}
