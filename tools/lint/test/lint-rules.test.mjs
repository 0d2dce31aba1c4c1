// The lint gate a spec pull request goes through: a broken spec must fail, naming the file and the line.
// Each case breaks one thing in its own copy of spec/. All copies are linted by ONE run of the real
// `redocly lint` with the repo's rules (one API per copy in a generated redocly.yaml), so the suite costs one
// CLI start however many cases it has, and no case races a per-test timeout on a busy machine.
import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const root = join(import.meta.dirname, '..', '..', '..');
const redocly = createRequire(join(root, 'package.json')).resolve('@redocly/cli/bin/cli.js');

/** One broken copy of the spec per case: the file to edit and the edit. */
const cases = {
  untouched: { file: 'openapi.yaml', edit: (t) => t },
  badExample: {
    file: 'components/examples/ShowCaseStatusResponseExample.yaml',
    edit: (t) => t.replace('status: 0', 'status: "zero"'),
  },
  snakeOperationId: {
    file: 'paths/v2/cases_{case_id}_status.yaml',
    edit: (t) => t.replace('operationId: showCaseStatus', 'operationId: show_case_status'),
  },
  missing401: {
    file: 'paths/v2/cases_{case_id}_status.yaml',
    edit: (t) => t.replace(/ {4}'401':\n {6}\$ref: [^\n]+\n/, ''),
  },
  titleCaseSummary: {
    file: 'paths/v2/cases_{case_id}_status.yaml',
    edit: (t) => t.replace(/summary: .+/, 'summary: Query Ticket Status'),
  },
  malformedYaml: { file: 'components/schemas/CaseStatus.yaml', edit: (t) => `${t}\n  bad: [unclosed\n` },
};

let workdir;
/** The lint output of each case, keyed by case name. */
const outputs = {};

beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), 'osm-lint-'));
  const config = parse(readFileSync(join(root, 'redocly.yaml'), 'utf8'));
  config.apis = {};
  for (const [name, { file, edit }] of Object.entries(cases)) {
    cpSync(join(root, 'spec'), join(workdir, name), { recursive: true });
    const target = join(workdir, name, file);
    const original = readFileSync(target, 'utf8');
    const edited = edit(original);
    if (name !== 'untouched' && edited === original) throw new Error(`case ${name}: the edit changed nothing in ${file}`);
    writeFileSync(target, edited);
    config.apis[name] = { root: `${name}/openapi.yaml` };
  }
  writeFileSync(join(workdir, 'redocly.yaml'), stringify(config));
  // stdout and stderr into one file, so problems stay inside the section of the API they belong to.
  const log = join(workdir, 'lint.log');
  const fd = openSync(log, 'w');
  spawnSync(process.execPath, [redocly, 'lint', '--format=codeframe'], {
    cwd: workdir,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const output = readFileSync(log, 'utf8');
  // The CLI reports API after API, each section opened by "validating <name>/openapi.yaml".
  for (const section of output.split(/^validating /m).slice(1)) {
    const name = section.slice(0, section.indexOf('/'));
    outputs[name] = section;
  }
});

afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/** The lint output for one case; fails loudly if the CLI never reached it. */
function lint(name) {
  expect(outputs, `redocly lint printed no section for ${name}`).toHaveProperty(name);
  return outputs[name];
}

/** True when the section reports at least one problem (problems are numbered "[1] file:line:col"). */
const hasProblems = (output) => /^\[\d+\] /m.test(output);

describe('redocly lint with the repository rules', () => {
  it('passes the spec as it is', () => {
    const output = lint('untouched');
    expect(hasProblems(output), output).toBe(false);
    expect(output).toContain('validated in');
  });

  it('rejects an example that does not match its schema, at its file and line', () => {
    const output = lint('badExample');
    expect(hasProblems(output)).toBe(true);
    expect(output).toMatch(/components\/examples\/ShowCaseStatusResponseExample\.yaml:\d+:\d+/);
  });

  it('rejects an operationId that is not lowerCamel', () => {
    const output = lint('snakeOperationId');
    expect(output).toMatch(/paths\/v2\/cases_\{case_id\}_status\.yaml:\d+/);
    expect(output).toContain('lowerCamel');
  });

  it('rejects an operation without the shared error responses', () => {
    expect(lint('missing401')).toContain('shared 400, 401, 403, 429, 500, 503 and default');
  });

  it('rejects a summary in title case', () => {
    expect(lint('titleCaseSummary')).toContain('sentence case');
  });

  it('rejects malformed YAML with its file and line', () => {
    expect(lint('malformedYaml')).toMatch(/components\/schemas\/CaseStatus\.yaml:\d+:\d+/);
  });
});
