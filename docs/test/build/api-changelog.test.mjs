// The API changelog guide from a scratch repository's history: two versions of @osm-openapi/spec and
// unreleased changes after them, each listed under added / changed / deprecated / removed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { editYaml, git, removeScratchRepositories, scratchRepository } from '@osm-openapi/spec-diff/scratch-repository';
import { afterEach, describe, expect, it } from 'vitest';
import { apiChangelog, apiChangelogEntries, apiChangelogMarkdown } from '../../scripts/api-changelog.mjs';

/** Sets @osm-openapi/spec's version and commits: a release point, as `changeset version` makes one. */
function release(root, version) {
  writeFileSync(join(root, 'packages/spec/package.json'), `${JSON.stringify({ name: '@osm-openapi/spec', version }, null, 2)}\n`);
  git(root, 'commit', '-qam', `release ${version}`);
}

afterEach(removeScratchRepositories);

describe('API changelog', () => {
  it("lists each version's changes by category, newest first, with the unreleased ones on top", () => {
    const root = scratchRepository();
    editYaml(root, 'spec/components/schemas/CreateCasesRequestBody.yaml', (s) => (s.properties.note = { type: 'string' }));
    editYaml(root, 'spec/paths/v2/labels.yaml', (item) => (item.delete.deprecated = true));
    git(root, 'commit', '-qam', 'a note; deleteLabels deprecated');
    release(root, '0.2.0');
    editYaml(root, 'spec/paths/v2/labels.yaml', (item) => delete item.delete);
    editYaml(root, 'spec/components/schemas/CreateCasesRequestBody.yaml', (s) => (s.properties.region_id.description = 'The region.'));

    const entries = apiChangelogEntries(root);
    expect(entries.map((e) => e.title.replace(/ \(.*\)$/, ''))).toEqual(['Unreleased', '0.2.0', '0.1.0']);
    const page = apiChangelog(root);
    expect(page).toContain(
      [
        '## Unreleased',
        '',
        'Compared with 0.2.0: 1 change to the API, 1 to its documentation.',
        '',
        '### Removed',
        '',
        '- `deleteLabels` (DELETE `/v2/labels`): the operation was removed — breaking for callers of it **(breaking)**',
      ].join('\n'),
    );
    expect(page).toMatch(
      /## 0\.2\.0 \(\d{4}-\d\d-\d\d\)\n\nCompared with 0\.1\.0: 2 changes to the API\.\n\n### Added\n\n- `createCases` \(POST `\/v2\/cases`\): request body field `note` was added\n\n### Deprecated\n\n- `deleteLabels` \(DELETE `\/v2\/labels`\): the operation was deprecated/,
    );
    expect(page).toMatch(/## 0\.1\.0 \(\d{4}-\d\d-\d\d\)\n\nThe first version in the history whose spec bundles: 3 operations\.$/);
    expect(page).not.toContain('description changed');
  });

  it('counts the operations when no earlier version bundles, and says so for one that does not', () => {
    const root = scratchRepository();
    // Version 0.1.0 (the only commit) with a root file pointing at a path file not written yet.
    const complete = readFileSync(join(root, 'spec/openapi.yaml'), 'utf8');
    writeFileSync(
      join(root, 'spec/openapi.yaml'),
      'openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths:\n  /v2/x:\n    $ref: paths/v2/x.yaml\n',
    );
    git(root, 'commit', '-qa', '--amend', '--no-edit');
    writeFileSync(join(root, 'spec/openapi.yaml'), complete);
    const page = apiChangelog(root);
    expect(page).toContain('## Unreleased\n\nNo released version to compare with yet: 3 operations.');
    expect(page).toMatch(/## 0\.1\.0 \(.*\)\n\nThe spec of this version does not bundle on its own/);
  });

  it('says so when there is no version in the history, or only part of it', () => {
    expect(apiChangelogMarkdown([])).toContain('No version of `@osm-openapi/spec` is in the history yet.');
    expect(apiChangelogMarkdown([], { shallow: true })).toMatch(/^_This build saw only part/);
  });
});
