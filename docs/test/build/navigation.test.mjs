// The sidebar by task: docs/navigation.yaml must place every operation of the spec, and applying it keeps
// each operation's chapter visible.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { applyNavigation, loadNavigation, placementProblems, referenceSections, UNPLACED_TASK } from '../../scripts/navigation.mjs';
import { operations } from '../../scripts/spec-walk.mjs';

const navigationFile = new URL('../../navigation.yaml', import.meta.url).pathname;
const sections = referenceSections(new URL('../../../reference/operations.tsv', import.meta.url).pathname);
const navigation = loadNavigation(navigationFile);

describe('docs/navigation.yaml', () => {
  it('places every operation of the spec, and lists none the spec lacks', () => {
    // A failure here names the operations to add to (or remove from) a task of docs/navigation.yaml.
    expect(placementProblems(loadSpec(), navigation)).toEqual({ unplaced: [], unknown: [] });
  });

  it('has the tasks a reader looks for', () => {
    const tasks = navigation.groups.flatMap((g) => g.tasks.map((t) => t.name));
    expect(tasks).toEqual(expect.arrayContaining(['Tickets', 'Messages', 'Attachments', 'Labels', 'Authorizations', 'Configuration']));
    expect(navigation.groups.flatMap((g) => g.tasks).every((t) => t.description?.trim())).toBe(true);
  });

  it.each([
    [
      'an operation listed under two tasks',
      ['{ name: A, operations: [listCases] }', '{ name: B, operations: [listCases] }'],
      /listCases is listed under both "A" and "B"/,
    ],
    ['a task name that would break a link', ['{ name: "Old (v1)", operations: [listCases] }'], /task name "Old \(v1\)" must be/],
  ])('refuses %s', (_, tasks, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-nav-'));
    try {
      const file = join(dir, 'navigation.yaml');
      writeFileSync(file, `groups:\n  - name: G\n    tasks:\n${tasks.map((t) => `      - ${t}\n`).join('')}`);
      expect(() => loadNavigation(file)).toThrow(message);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('applyNavigation', () => {
  it('files each operation under its task and names its chapter and section in its description', () => {
    const spec = loadSpec();
    const { tagGroups, unplaced } = applyNavigation(spec, navigation, sections);
    expect(unplaced).toEqual([]);
    const byId = Object.fromEntries(operations(spec).map(([, , op]) => [op.operationId, op]));
    expect(byId.showCaseDetail.tags).toEqual(['Tickets']);
    expect(byId.showCaseDetail['x-reference-chapter']).toBe('Query');
    expect(byId.showCaseDetail.description).toMatch(/^Reference chapter: \*\*Query\*\* \(section 5\.11\.4 of Huawei's reference\)/);
    expect(spec.tags.map((t) => t.name)).toEqual(tagGroups.flatMap((g) => g.tags));
  });

  it('orders a task by the mapping, as Redoc reads it (paths, then keys): createCases comes first under Tickets', () => {
    const spec = loadSpec();
    applyNavigation(spec, navigation, sections);
    const tickets = Object.values(spec.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => op?.tags?.[0] === 'Tickets')
      .map((op) => op.operationId);
    expect(tickets[0]).toBe('createCases');
    expect(tickets.indexOf('listCases')).toBeLessThan(tickets.indexOf('updateCaseContactInfo'));
  });

  it('shows an operation the mapping does not list under "Not yet placed", and reports it', () => {
    const spec = loadSpec();
    spec.paths['/v2/servicerequest/new-thing'] = { get: { operationId: 'listNewThings', tags: ['Query'], responses: {} } };
    const { tagGroups, unplaced } = applyNavigation(spec, navigation, sections);
    expect(unplaced).toEqual(['listNewThings']);
    expect(tagGroups[0].tags).toContain(UNPLACED_TASK);
    expect(spec.paths['/v2/servicerequest/new-thing'].get.tags).toEqual([UNPLACED_TASK]);
  });
});
