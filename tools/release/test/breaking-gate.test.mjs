// The breaking-change gate of require-changeset.mjs, on scratch repositories: each kind of spec change is
// classified as a consumer would expect, and the gate fails a breaking one until a changeset releases
// @osm-openapi/spec and @osm-openapi/client as a major (or carries an override line).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeset, editYaml, git, removeScratchRepositories, scratchRepository, write } from '@osm-openapi/spec-diff/scratch-repository';
import { afterAll, describe, expect, it } from 'vitest';

const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'require-changeset.mjs');
const SPEC_AND_CLIENT = ['@osm-openapi/spec', '@osm-openapi/client'];
const bump = (level) => Object.fromEntries(SPEC_AND_CLIENT.map((name) => [name, level]));

/** Runs the gate in `root` without blocking the test runner, so that the tests (each in its own repository) run side by side. */
function gate(root, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--base', 'main', '--github'], {
      cwd: root,
      env: { ...process.env, GITHUB_STEP_SUMMARY: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}

const schemas = 'spec/components/schemas';

/** The ten kinds of change the issue lists: the edit, its class, and the words the diff must use. */
const KINDS = [
  {
    kind: 'remove an operation',
    edit: (root) => editYaml(root, 'spec/paths/v2/labels.yaml', (item) => delete item.delete),
    expected: 'breaking',
    words: 'deleteLabels (DELETE /v2/labels)\n  breaking            the operation was removed — breaking for callers of it',
  },
  {
    kind: 'remove a response field',
    edit: (root) => editYaml(root, `${schemas}/ListLabelsResponse.yaml`, (s) => delete s.properties.total_count),
    expected: 'breaking',
    words: 'response 200 field `total_count` was removed — breaking for code that reads it',
  },
  {
    kind: 'add a required parameter',
    edit: (root) =>
      editYaml(root, 'spec/paths/v2/labels.yaml', (item) =>
        item.get.parameters.push({ name: 'zone', in: 'query', required: true, schema: { type: 'string' } }),
      ),
    expected: 'breaking',
    words: 'query parameter `zone` was added, required — breaking for callers that omit it',
  },
  {
    kind: 'make an optional request field required',
    edit: (root) => editYaml(root, `${schemas}/CreateCasesRequestBody.yaml`, (s) => s.required.push('region_id')),
    expected: 'breaking',
    words: 'request body field `region_id` became required — breaking for callers that omit it',
  },
  {
    kind: 'narrow a request enum',
    edit: (root) => editYaml(root, `${schemas}/CreateCasesRequestBody.yaml`, (s) => (s.properties.is_authorized.enum = [1])),
    expected: 'breaking',
    words: 'request body field `is_authorized` no longer accepts `0` — breaking for callers that send it',
  },
  {
    kind: 'widen a response enum',
    edit: (root) => editYaml(root, `${schemas}/CreateCasesResponse.yaml`, (s) => s.properties.status.enum.push(2)),
    expected: 'breaking',
    words: 'response 200 field `status` may now be `2` — breaking for code that handles only the listed values',
  },
  {
    kind: 'change a type',
    edit: (root) => editYaml(root, `${schemas}/CreateCasesResponse.yaml`, (s) => (s.properties.incident_id.type = 'integer')),
    expected: 'breaking',
    words: 'response 200 field `incident_id` changed type from `string` to `integer` — breaking for code that reads it',
  },
  {
    kind: 'add an optional field',
    edit: (root) => editYaml(root, `${schemas}/CreateCasesRequestBody.yaml`, (s) => (s.properties.note = { type: 'string' })),
    expected: 'non-breaking',
    words: 'request body field `note` was added',
  },
  {
    kind: 'add an operation',
    edit: (root) => {
      write(
        root,
        'spec/paths/v2/labels_{label_id}.yaml',
        "get:\n  operationId: showLabel\n  summary: One label\n  responses:\n    '200':\n      description: The label.\n",
      );
      editYaml(root, 'spec/openapi.yaml', (d) => (d.paths['/v2/labels/{label_id}'] = { $ref: 'paths/v2/labels_{label_id}.yaml' }));
    },
    expected: 'non-breaking',
    words: 'showLabel (GET /v2/labels/{label_id})\n  non-breaking        the operation was added',
  },
  {
    kind: 'edit a description',
    edit: (root) => editYaml(root, `${schemas}/CreateCasesRequestBody.yaml`, (s) => (s.properties.region_id.description = 'The region.')),
    expected: 'documentation-only',
    words: 'request body field `region_id` description changed',
  },
];

// Once at the end: the tests run concurrently, each in a scratch repository of its own.
afterAll(removeScratchRepositories);

// Concurrent: each test is a few runs of the gate (a Node process bundling the spec twice) in a repository of
// its own, so on two cores two of them run at once.
describe.concurrent('the breaking-change gate', () => {
  it.each(KINDS)('$kind: $expected', async ({ edit, expected, words }) => {
    const root = scratchRepository();
    edit(root);
    write(root, '.changeset/api-change.md', changeset(bump('minor')));
    const withMinor = await gate(root);
    expect(withMinor.output).toContain(words);
    expect(withMinor.output).toMatch(
      new RegExp(
        `: ${expected === 'breaking' ? 1 : 0} breaking, ${expected === 'non-breaking' ? 1 : 0} non-breaking, ${expected === 'documentation-only' ? 1 : 0} documentation-only`,
      ),
    );
    if (expected !== 'breaking') {
      expect(withMinor.status).toBe(0);
      expect(withMinor.output).toContain('The API diff has no breaking change.');
      return;
    }
    expect(withMinor.status).toBe(1);
    expect(withMinor.output).toContain('no changeset releases @osm-openapi/spec and @osm-openapi/client as a major');
    expect(withMinor.output).toMatch(/^::error file=spec\/[^,]+\.yaml,line=\d+,title=Breaking API change::/m);

    write(root, '.changeset/api-change.md', changeset(bump('major')));
    const withMajor = await gate(root);
    expect(withMajor.status).toBe(0);
    expect(withMajor.output).toContain('released as a major of @osm-openapi/spec and @osm-openapi/client');
    expect(withMajor.output).toMatch(/^::warning file=spec\/[^,]+\.yaml,line=\d+,title=Breaking API change::/m);
  });

  it('fails a breaking change with no changeset at all, for both reasons', async () => {
    const root = scratchRepository();
    KINDS[0].edit(root);
    const { status, output } = await gate(root);
    expect(status).toBe(1);
    expect(output).toContain('A changeset is missing for @osm-openapi/spec, @osm-openapi/client');
    expect(output).toContain('no changeset releases @osm-openapi/spec and @osm-openapi/client as a major');
  });

  it('fails when only one of the two packages is released as a major', async () => {
    const root = scratchRepository();
    KINDS[1].edit(root);
    write(root, '.changeset/api-change.md', changeset({ '@osm-openapi/spec': 'major', '@osm-openapi/client': 'minor' }));
    const { status, output } = await gate(root);
    expect(status).toBe(1);
    expect(output).toContain('no changeset releases @osm-openapi/client as a major');
  });

  it('accepts an override line instead of a major, and quotes it in the job summary', async () => {
    const root = scratchRepository();
    KINDS[1].edit(root);
    const override = 'Breaking-change override: the real API never returns total_count (ERRATA.md, 5.9.2).';
    write(root, '.changeset/api-change.md', changeset(bump('patch'), override));
    const summary = join(root, 'summary.md');
    const { status, output } = await gate(root, { GITHUB_STEP_SUMMARY: summary });
    expect(status).toBe(0);
    expect(output).toContain(`accepted without a major by .changeset/api-change.md: "${override}"`);
    const table = readFileSync(summary, 'utf8');
    expect(table).toContain(`> ${override}`);
    expect(table).toContain(
      '| `listLabels`<br>GET `/v2/labels` | response 200 field `total_count` was removed — breaking for code that reads it | **breaking** | `spec/components/schemas/ListLabelsResponse.yaml:2` |',
    );
  });

  it('puts a change to a shared schema on its source line once, naming every operation it reaches', async () => {
    const root = scratchRepository();
    editYaml(root, 'spec/paths/v2/labels.yaml', (item) => {
      const schema = { $ref: '../../components/schemas/ListLabelsResponse.yaml' };
      item.delete.responses['200'] = { description: 'The labels left.', content: { 'application/json': { schema } } };
    });
    git(root, 'commit', '-qam', 'deleteLabels answers with the labels too');
    git(root, 'branch', '-f', 'main', 'HEAD');
    write(root, '.changeset/api-change.md', changeset(bump('patch')));
    editYaml(root, `${schemas}/ListLabelsResponse.yaml`, (s) => (s.properties.total_count.description = 'How many.'));
    const { status, output } = await gate(root);
    expect(status).toBe(0);
    const notices = output.split('\n').filter((line) => line.startsWith('::notice file=spec/components/schemas/ListLabelsResponse.yaml'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('title=API documentation change::');
    expect(notices[0]).toContain('listLabels: response 200 field `total_count` description changed [documentation-only]%0AdeleteLabels:');
  });
});
