// `pnpm spec:diff` on scratch repositories: each way of choosing the other side (merge base, --base,
// --against a file or a packed package, --head), the JSON output with source lines, and clear errors.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleSpecFolder } from '../src/bundle.mjs';
import { editYaml, git, removeScratchRepositories, scratchRepository } from '../test-support/scratch-repository.mjs';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'spec-diff.mjs');

function specDiff(root, ...args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const requireRegion = (root) => editYaml(root, 'spec/components/schemas/CreateCasesRequestBody.yaml', (s) => s.required.push('region_id'));

afterEach(removeScratchRepositories);

describe('spec:diff', () => {
  it('compares the working tree with the merge base with main by default, with source lines', () => {
    const root = scratchRepository();
    requireRegion(root);
    const { status, stdout } = specDiff(root);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^API changes from the merge base with main \([0-9a-f]{7}\) to the working tree: 1 breaking, 0 non-breaking, 0 documentation-only\n/,
    );
    expect(stdout).toContain(
      'createCases (POST /v2/cases)\n  breaking            request body field `region_id` became required — breaking for callers that omit it  (spec/components/schemas/CreateCasesRequestBody.yaml:4)',
    );
  });

  it('compares two commits with --base and --head, and says "none" when nothing changed', () => {
    const root = scratchRepository();
    requireRegion(root);
    git(root, 'commit', '-qam', 'region required');
    expect(specDiff(root, '--base', 'HEAD~1', '--head', 'HEAD').stdout).toContain('API changes from HEAD~1 to HEAD: 1 breaking');
    expect(specDiff(root, '--base', 'HEAD').stdout).toBe('API changes from HEAD to the working tree: none\n');
  });

  it('compares with a bundled file or a packed @osm-openapi/spec given to --against', () => {
    const root = scratchRepository();
    const published = join(root, 'published');
    mkdirSync(join(published, 'package', 'dist'), { recursive: true });
    const bundle = bundleSpecFolder(root, 'the base');
    writeFileSync(join(published, 'package', 'dist', 'openapi.json'), JSON.stringify(bundle));
    writeFileSync(join(published, 'openapi.json'), JSON.stringify(bundle));
    execFileSync('tar', ['-czf', join(published, 'osm-openapi-spec-0.1.0.tgz'), '-C', published, 'package']);
    editYaml(root, 'spec/paths/v2/labels.yaml', (item) => delete item.delete);

    for (const file of ['published/openapi.json', 'published/osm-openapi-spec-0.1.0.tgz']) {
      const { status, stdout } = specDiff(root, '--against', file);
      expect(status).toBe(0);
      expect(stdout).toContain(`API changes from ${file} to the working tree: 1 breaking`);
      expect(stdout).toContain(
        'deleteLabels (DELETE /v2/labels)\n  breaking            the operation was removed — breaking for callers of it  (spec/paths/v2/labels.yaml:1)',
      );
    }
  });

  it("prints JSON with each change's class, category, operation and source", () => {
    const root = scratchRepository();
    editYaml(root, 'spec/components/schemas/CreateCasesResponse.yaml', (s) => (s.properties.status.enum = [0, 1, 2]));
    const { stdout } = specDiff(root, '--json');
    const { changes } = JSON.parse(stdout);
    expect(changes).toEqual([
      {
        class: 'breaking',
        category: 'changed',
        operation: { id: 'createCases', method: 'POST', path: '/v2/cases' },
        text: 'response 200 field `status` may now be `2` — breaking for code that handles only the listed values',
        pointer: [
          'paths',
          '/v2/cases',
          'post',
          'responses',
          '200',
          'content',
          'application/json',
          'schema',
          'properties',
          'status',
          'enum',
          2,
        ],
        source: { file: 'spec/components/schemas/CreateCasesResponse.yaml', line: 10 },
      },
    ]);
  });

  it('explains a bad choice of side without a stack trace', () => {
    const root = scratchRepository();
    expect(specDiff(root, '--base', 'no-such-ref')).toMatchObject({
      status: 2,
      stderr: 'spec:diff: "no-such-ref" is not a commit of this repository.\n',
    });
    expect(specDiff(root, '--against', 'missing.json').stderr).toBe('spec:diff: missing.json does not exist.\n');
    expect(specDiff(root, '--against', 'packages/spec/package.json').stderr).toBe(
      'spec:diff: packages/spec/package.json is not an OpenAPI document (no "openapi" field).\n',
    );
    expect(specDiff(root, '--base', 'main', '--against', 'x.json').stderr).toBe('spec:diff: Give --base or --against, not both.\n');
    editYaml(root, 'spec/openapi.yaml', (d) => (d.paths['/v2/x'] = { $ref: 'paths/v2/x.yaml' }));
    const broken = specDiff(root, '--base', 'main');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('spec:diff: The spec of the working tree could not be bundled:\n[1] spec/openapi.yaml:');
    expect(broken.stderr).toContain("Can't resolve $ref");
  });
});
