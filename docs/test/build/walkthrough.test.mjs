// The walkthrough's pieces: the step blocks of the TypeScript, the shell names and jq filters of the curl
// commands, and the build's refusal of a step that has no TypeScript or names no operation.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { ARAZZO_FILE, jqFilter, shellVariable, TYPESCRIPT_FILE, typescriptSteps, walkthroughMarkdown } from '../../scripts/walkthrough.mjs';

const walkthrough = new URL('../../walkthrough/', import.meta.url).pathname;
const spec = loadSpec();

describe('walkthrough helpers', () => {
  it('splits the TypeScript into its step blocks', () => {
    const blocks = typescriptSteps('// header\n// step: setup\nconst a = 1;\n// step: next\nuse(a);\n');
    expect([...blocks]).toEqual([
      ['setup', 'const a = 1;'],
      ['next', 'use(a);'],
    ]);
  });

  it('names shell variables and jq filters after the Arazzo outputs', () => {
    expect(shellVariable('problemTypeId')).toBe('PROBLEM_TYPE_ID');
    expect(jqFilter('$response.body#/incident_business_type_list/0/business_type_id')).toBe(
      '.incident_business_type_list[0].business_type_id',
    );
    expect(jqFilter('$response.body#/incident_id')).toBe('.incident_id');
  });
});

describe('walkthroughMarkdown', () => {
  it('renders every step with its heading, TypeScript and curl, in order', () => {
    const page = walkthroughMarkdown(walkthrough, spec);
    const headings = [...page.matchAll(/^### (\d+)\. (.+)$/gm)].map((m) => m[2]);
    expect(headings[0]).toBe('Find the product');
    expect(headings).toContain('File the ticket');
    expect(page.match(/^```ts$/gm)).toHaveLength(headings.length + 1); // + the client's setup
    expect(page.match(/^```sh$/gm)).toHaveLength(headings.length);
    expect(page).toContain('TICKET_ID=$(curl -s -X POST "$OSM_ENDPOINT/v2/servicerequest/cases"');
    expect(page).toContain('"accessory_ids": [\n    "$ATTACHMENT_ID"\n  ]');
  });

  it.each([
    ['a step without a TypeScript block', (ts) => ts.replace('// step: readTicket\n', ''), /has no "\/\/ step: readTicket" block/],
    ['a step naming no operation of the spec', null, /step readTicket names showCaseDetailz, which the spec lacks/],
  ])('refuses %s', (_, editTypescript, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-walkthrough-'));
    try {
      const arazzo = readFileSync(join(walkthrough, ARAZZO_FILE), 'utf8');
      const typescript = readFileSync(join(walkthrough, TYPESCRIPT_FILE), 'utf8');
      writeFileSync(
        join(dir, ARAZZO_FILE),
        editTypescript ? arazzo : arazzo.replace('operationId: showCaseDetail', 'operationId: showCaseDetailz'),
      );
      writeFileSync(join(dir, TYPESCRIPT_FILE), editTypescript ? editTypescript(typescript) : typescript);
      expect(() => walkthroughMarkdown(dir, spec)).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
