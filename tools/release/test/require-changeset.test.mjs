// Runs require-changeset.mjs against scratch git repositories shaped like this one: a base commit on
// `main`, then a branch whose changes do or do not carry the changesets they need.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeset, editYaml, git, removeScratchRepositories, scratchRepository, write } from '@osm-openapi/spec-diff/scratch-repository';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'require-changeset.mjs');

/** A change to the spec that users see only in the documentation. */
function editDescription(root) {
  editYaml(root, 'spec/components/schemas/CreateCasesRequestBody.yaml', (schema) => {
    schema.properties.region_id.description = 'The region the problem occurs in.';
  });
}

/** Runs the check in `root` without blocking the test runner, so that the tests (each in its own repository) run side by side. */
function check(root, base = 'main') {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--base', base], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output: stdout + stderr }));
  });
}

// Once at the end: the tests run concurrently, each in a scratch repository of its own.
afterAll(removeScratchRepositories);

describe.concurrent('require-changeset', () => {
  it('passes when only private packages, tests and prose changed', async () => {
    const root = scratchRepository();
    write(root, 'packages/contract-tests/test/drift.test.ts', 'test\n');
    write(root, 'packages/client/test/auth/token.test.ts', 'test\n');
    write(root, 'spec/ERRATA.md', '# Errata\n\nOne more.\n');
    const { status, output } = await check(root);
    expect(status).toBe(0);
    expect(output).toContain('No public package changed');
  });

  it('fails on a committed spec change without a changeset, naming the packages whose types it changes', async () => {
    const root = scratchRepository();
    write(root, 'spec/paths/v2/cases.yaml', 'get: {}\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'spec change');
    const { status, output } = await check(root);
    expect(status).toBe(1);
    expect(output).toContain('A changeset is missing for @osm-openapi/spec, @osm-openapi/client');
    expect(output).toContain('spec/paths/v2/cases.yaml');
    expect(output).toContain('pnpm changeset');
    expect(output).not.toContain('@osm-openapi/mock');
  });

  it('fails on an uncommitted change to a package source, naming the file', async () => {
    const root = scratchRepository();
    write(root, 'packages/mock/src/proxy.ts', 'export const proxy = 1;\n');
    const { status, output } = await check(root);
    expect(status).toBe(1);
    expect(output).toContain('@osm-openapi/mock: packages/mock/src/proxy.ts');
  });

  it('passes when a changeset names every affected package', async () => {
    const root = scratchRepository();
    editDescription(root);
    write(root, '.changeset/blue-cats-sing.md', changeset({ '@osm-openapi/spec': 'patch', '@osm-openapi/client': 'patch' }));
    const { status, output } = await check(root);
    expect(status).toBe(0);
    expect(output).toContain('Changesets cover @osm-openapi/spec, @osm-openapi/client');
  });

  it('fails when the changeset leaves out one affected package', async () => {
    const root = scratchRepository();
    editDescription(root);
    write(root, '.changeset/blue-cats-sing.md', changeset({ '@osm-openapi/spec': 'minor' }));
    const { status, output } = await check(root);
    expect(status).toBe(1);
    expect(output).toContain('A changeset is missing for @osm-openapi/client');
  });

  it('accepts an empty changeset as the statement that no release is needed', async () => {
    const root = scratchRepository();
    write(root, 'packages/client/src/index.ts', '// a comment\nexport {};\n');
    write(root, '.changeset/quiet-dogs-rest.md', '---\n---\n');
    const { status, output } = await check(root);
    expect(status).toBe(0);
    expect(output).toContain('empty changeset');
  });

  it('passes the release change that consumes the changesets into versions', async () => {
    const root = scratchRepository();
    write(root, '.changeset/blue-cats-sing.md', changeset({ '@osm-openapi/client': 'patch' }));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'pending changeset');
    git(root, 'branch', '-f', 'main', 'HEAD');
    git(root, 'rm', '-q', '.changeset/blue-cats-sing.md');
    write(root, 'packages/client/package.json', JSON.stringify({ name: '@osm-openapi/client', version: '0.1.1' }));
    write(root, 'packages/client/CHANGELOG.md', '# @osm-openapi/client\n\n## 0.1.1\n');
    const { status, output } = await check(root);
    expect(status).toBe(0);
    expect(output).toContain('changesets consumed');
  });

  it('says how to fetch the base branch when it is missing', async () => {
    const root = scratchRepository();
    const { status, output } = await check(root, 'trunk');
    expect(status).toBe(2);
    expect(output).toContain('The base branch "trunk" was not found');
    expect(output).toContain('git fetch origin trunk:trunk');
  });

  it('rejects a changeset without front matter, naming the file', async () => {
    const root = scratchRepository();
    write(root, 'packages/spec/src/index.ts', 'export const x = 1;\n');
    write(root, '.changeset/odd-file.md', 'Just prose.\n');
    const { status, output } = await check(root);
    expect(status).toBe(2);
    expect(output).toContain('.changeset/odd-file.md is not a changeset');
  });
});
