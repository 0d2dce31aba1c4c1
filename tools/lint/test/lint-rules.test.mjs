// The lint gate a spec pull request goes through: a broken spec must fail, naming the file and the line.
// Each case breaks one thing in a copy of spec/ and runs the real `redocly lint` with the repo's rules.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const redocly = createRequire(join(root, 'package.json')).resolve('@redocly/cli/bin/cli.js');
let workdir;

/** Copies spec/ and redocly.yaml, applies `edit` to one file, lints; returns { status, output }. */
function lintWith(file, edit) {
  workdir = mkdtempSync(join(tmpdir(), 'osm-lint-'));
  cpSync(join(root, 'spec'), join(workdir, 'spec'), { recursive: true });
  cpSync(join(root, 'redocly.yaml'), join(workdir, 'redocly.yaml'));
  const target = join(workdir, 'spec', file);
  writeFileSync(target, edit(readFileSync(target, 'utf8')));
  try {
    const output = execFileSync(process.execPath, [redocly, 'lint', 'spec/openapi.yaml', '--format=codeframe'], {
      cwd: workdir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { status: 0, output };
  } catch (error) {
    return { status: error.status, output: `${error.stdout}${error.stderr}` };
  }
}

afterEach(() => rmSync(workdir, { recursive: true, force: true }));

describe('redocly lint with the repository rules', () => {
  it('passes the spec as it is', () => {
    expect(lintWith('openapi.yaml', (text) => text).status).toBe(0);
  });

  it('rejects an example that does not match its schema, at its file and line', () => {
    const { status, output } = lintWith('components/examples/ShowCaseStatusResponseExample.yaml', (t) =>
      t.replace('status: 0', 'status: "zero"'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/components\/examples\/ShowCaseStatusResponseExample\.yaml:\d+:\d+/);
  });

  it('rejects an operationId that is not lowerCamel', () => {
    const { status, output } = lintWith('paths/v2/cases_{case_id}_status.yaml', (t) =>
      t.replace('operationId: showCaseStatus', 'operationId: show_case_status'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(/paths\/v2\/cases_\{case_id\}_status\.yaml:\d+/);
    expect(output).toContain('lowerCamel');
  });

  it('rejects an operation without the shared error responses', () => {
    const { status, output } = lintWith('paths/v2/cases_{case_id}_status.yaml', (t) =>
      t.replace(/ {4}'401':\n {6}\$ref: [^\n]+\n/, ''),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('shared 400, 401, 403, 500 and default');
  });

  it('rejects a summary in title case', () => {
    const { status, output } = lintWith('paths/v2/cases_{case_id}_status.yaml', (t) =>
      t.replace(/summary: .+/, 'summary: Query Ticket Status'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('sentence case');
  });

  it('rejects malformed YAML with its file and line', () => {
    const { status, output } = lintWith('components/schemas/CaseStatus.yaml', (t) => `${t}\n  bad: [unclosed\n`);
    expect(status).not.toBe(0);
    expect(output).toMatch(/CaseStatus\.yaml/);
  });
});
