// `node tools/release/version.mjs`: the release workflow's version command. Runs `changeset version`, then
// adds the classified API diff since the last release to the new CHANGELOG entries of @osm-openapi/spec and
// @osm-openapi/client, so consumers read what changed in the API in words, not only the changesets' prose.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundleAtRef, bundleSpecFolder } from '@osm-openapi/spec-diff/bundle';
import { compareSpecs } from '@osm-openapi/spec-diff/classify';
import { repositoryRoot } from '@osm-openapi/spec-diff/git';
import { specVersions } from '@osm-openapi/spec-diff/releases';
import { formatMarkdown } from '@osm-openapi/spec-diff/report';
import { addApiSection } from './changelog-api-section.mjs';
import { SPEC_CONSUMERS } from './changeset-check.mjs';
import { readPublicPackages } from './public-packages.mjs';

/**
 * The newest release whose spec bundles, with that bundle: the spec of a version set before the spec was
 * complete (the skeleton's 0.1.0) cannot be compared with.
 */
function lastComparableRelease(root) {
  for (const release of specVersions(root).reverse()) {
    try {
      return { ...release, document: bundleAtRef(root, release.commit) };
    } catch {
      console.log(`version: the spec of ${release.version} (${release.commit.slice(0, 7)}) does not bundle; trying an earlier version.`);
    }
  }
  return null;
}

function versionsOf(root) {
  return new Map(readPublicPackages(root).map(({ name, manifest }) => [name, manifest.version]));
}

try {
  const root = repositoryRoot(process.cwd());
  // The release the API is compared with: the commit that set @osm-openapi/spec's current version.
  const last = lastComparableRelease(root);
  const before = versionsOf(root);
  const changesets = createRequire(join(root, 'package.json')).resolve('@changesets/cli/bin.js');
  const run = spawnSync(process.execPath, [changesets, 'version'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`changeset version failed (exit code ${run.status ?? run.signal}).`);

  const after = versionsOf(root);
  const released = SPEC_CONSUMERS.filter((name) => after.has(name) && after.get(name) !== before.get(name));
  if (released.length === 0) {
    console.log('version: neither @osm-openapi/spec nor @osm-openapi/client is released: no API section.');
  } else if (!last) {
    console.log('version: no earlier version of @osm-openapi/spec whose spec bundles: no API section.');
  } else {
    const changes = compareSpecs(last.document, bundleSpecFolder(root, 'the working tree'));
    for (const pkg of readPublicPackages(root).filter(({ name }) => released.includes(name))) {
      const file = join(root, pkg.dir, 'CHANGELOG.md');
      writeFileSync(file, addApiSection(readFileSync(file, 'utf8'), after.get(pkg.name), formatMarkdown(changes), last.version));
      console.log(`version: ${pkg.dir}/CHANGELOG.md ${after.get(pkg.name)}: API changes since ${last.version} (${changes.length})`);
    }
  }
} catch (error) {
  console.error(`version: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
