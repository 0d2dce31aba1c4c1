// The release workflow's version step on a scratch repository: `changeset version` bumps the packages and
// writes their CHANGELOG entries, and version.mjs adds the classified API diff since the last release.
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeset, editYaml, git, removeScratchRepositories, scratchRepository, write } from '@osm-openapi/spec-diff/scratch-repository';
import { afterEach, describe, expect, it } from 'vitest';
import { addApiSection } from '../changelog-api-section.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const script = join(here, '..', 'version.mjs');
const workspaceRoot = join(here, '..', '..', '..');

/** A scratch repository set up for changesets, with this workspace's node_modules (changesets itself). */
function releasableRepository() {
  const root = scratchRepository();
  write(root, 'package.json', JSON.stringify({ name: 'scratch', private: true }));
  write(root, 'pnpm-workspace.yaml', 'packages:\n  - packages/*\n');
  // This repository's changesets config, ignoring only the private package the scratch repository has.
  const config = JSON.parse(readFileSync(join(workspaceRoot, '.changeset', 'config.json'), 'utf8'));
  write(root, '.changeset/config.json', JSON.stringify({ ...config, ignore: ['@osm-openapi/contract-tests'] }));
  write(root, '.gitignore', 'node_modules\n');
  symlinkSync(join(workspaceRoot, 'node_modules'), join(root, 'node_modules'));
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'changesets set up');
  return root;
}

afterEach(removeScratchRepositories);

describe('version.mjs', () => {
  it('writes the API changes since the last release into the spec and client changelogs', () => {
    const root = releasableRepository();
    editYaml(root, 'spec/components/schemas/CreateCasesRequestBody.yaml', (s) => s.required.push('region_id'));
    editYaml(root, 'spec/components/schemas/CreateCasesResponse.yaml', (s) => (s.properties.queue = { type: 'string' }));
    write(root, '.changeset/region.md', changeset({ '@osm-openapi/spec': 'major', '@osm-openapi/client': 'major' }));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'createCases needs a region');

    const result = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    for (const name of ['spec', 'client']) {
      expect(JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')).version).toBe('1.0.0');
      const changelog = readFileSync(join(root, 'packages', name, 'CHANGELOG.md'), 'utf8');
      expect(changelog).toContain(
        [
          '## 1.0.0',
          '',
          '### API changes since 0.1.0',
          '',
          '1 breaking, 1 non-breaking, 0 documentation-only.',
          '',
          '- `createCases` (`POST /v2/cases`)',
          '  - **Breaking:** request body field `region_id` became required — breaking for callers that omit it',
          '  - **Non-breaking:** response 200 field `queue` was added',
          '',
          '### Major Changes',
        ].join('\n'),
      );
      expect(changelog).toContain('A change.');
    }
    expect(readFileSync(join(root, 'packages', 'mock', 'package.json'), 'utf8')).toContain('"0.1.0"');
  });

  it('adds no API section when neither the spec nor the client is released', () => {
    const root = releasableRepository();
    write(root, 'packages/mock/src/index.ts', 'export const port = 4010;\n');
    write(root, '.changeset/mock.md', changeset({ '@osm-openapi/mock': 'patch' }));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'mock port');
    const result = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('no API section');
    expect(readFileSync(join(root, 'packages', 'mock', 'CHANGELOG.md'), 'utf8')).not.toContain('API changes');
  });
});

describe('version.mjs after a version whose spec does not bundle', () => {
  it('compares with the newest earlier version whose spec bundles, and says so', () => {
    const root = releasableRepository();
    // 0.2.0 was set while the root file pointed at a path file not written yet; the next commit fixed it.
    const complete = readFileSync(join(root, 'spec/openapi.yaml'), 'utf8');
    write(root, 'spec/openapi.yaml', `${complete}  /v2/x:\n    $ref: paths/v2/x.yaml\n`);
    for (const name of ['spec', 'client']) {
      write(root, `packages/${name}/package.json`, `${JSON.stringify({ name: `@osm-openapi/${name}`, version: '0.2.0' }, null, 2)}\n`);
    }
    git(root, 'commit', '-qam', 'release 0.2.0');
    write(root, 'spec/openapi.yaml', complete);
    editYaml(root, 'spec/paths/v2/labels.yaml', (item) => (item.get.deprecated = true));
    write(root, '.changeset/deprecate.md', changeset({ '@osm-openapi/spec': 'minor', '@osm-openapi/client': 'minor' }));
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'listLabels deprecated');

    const result = spawnSync(process.execPath, [script], { cwd: root, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/the spec of 0\.2\.0 \([0-9a-f]{7}\) does not bundle; trying an earlier version\./);
    const changelog = readFileSync(join(root, 'packages', 'spec', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain('## 0.3.0\n\n### API changes since 0.1.0\n\n0 breaking, 1 non-breaking, 0 documentation-only.');
    expect(changelog).toContain('  - **Non-breaking:** the operation was deprecated');
  });
});

describe('addApiSection', () => {
  it('puts the section right under the version heading and leaves the rest as it was', () => {
    const changelog = '# @osm-openapi/spec\n\n## 1.0.0\n\n### Major Changes\n\n- abc: text\n\n## 0.1.0\n\nOld.\n';
    expect(addApiSection(changelog, '1.0.0', 'No change to the API.', '0.1.0')).toBe(
      '# @osm-openapi/spec\n\n## 1.0.0\n\n### API changes since 0.1.0\n\nNo change to the API.\n\n### Major Changes\n\n- abc: text\n\n## 0.1.0\n\nOld.\n',
    );
  });

  it('refuses a changelog without the version entry', () => {
    expect(() => addApiSection('# x\n\n## 0.1.0\n', '1.0.0', 'x', '0.1.0')).toThrow('no "## 1.0.0" entry');
  });
});
