// The sidebar by task (docs/navigation.yaml) instead of by the reference's chapters: each operation is
// re-tagged with its task at build time, names its chapter in its description, and the tasks become
// Redoc's x-tagGroups after the guides. The spec itself keeps its chapter tags.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { operations } from './spec-walk.mjs';

/** The sidebar group of the guides (every trait tag, in the order given: room for generated pages). */
export const GUIDES_GROUP = 'Guides';
/** Where an operation the mapping does not list is shown, so that it is visible but cannot be missed. */
export const UNPLACED_TASK = 'Not yet placed';

/** Reads docs/navigation.yaml; throws if an operation is listed twice or a task has no name. */
export function loadNavigation(file) {
  const navigation = parse(readFileSync(file, 'utf8'));
  const seen = new Map();
  for (const group of navigation.groups) {
    for (const task of group.tasks) {
      // A task's name is its URL (`#/related-tickets/...`): parentheses would end a Markdown link early.
      if (!/^[\w][\w .-]*$/.test(task.name ?? '')) {
        throw new Error(`${file}: task name "${task.name}" must be letters, digits, spaces, dots and dashes`);
      }
      for (const id of task.operations) {
        if (seen.has(id)) throw new Error(`${file}: ${id} is listed under both "${seen.get(id)}" and "${task.name}"`);
        seen.set(id, task.name);
      }
    }
  }
  return navigation;
}

/** `section` and `title` of each operation of the reference, by operationId (reference/operations.tsv). */
export function referenceSections(tsvFile) {
  const [, ...rows] = readFileSync(tsvFile, 'utf8').trim().split('\n');
  return new Map(rows.map((row) => row.split('\t')).map(([section, , , id, title]) => [id, { section, title }]));
}

/** The operations of the spec the navigation does not list, and the listed operations the spec lacks. */
export function placementProblems(spec, navigation) {
  const listed = new Set(navigation.groups.flatMap((g) => g.tasks.flatMap((t) => t.operations)));
  const ids = operations(spec).map(([, , op]) => op.operationId);
  return {
    unplaced: ids.filter((id) => !listed.has(id)),
    unknown: [...listed].filter((id) => !ids.includes(id)),
  };
}

/** "Reference chapter: Query (section 5.11.4)" for an operation, from its spec tag and reference section. */
function chapterLine(chapter, reference) {
  const where = reference ? ` (section ${reference.section} of Huawei's reference)` : '';
  return `Reference chapter: **${chapter}**${where}`;
}

/**
 * Re-tags every operation of `spec` (in place) with its task, notes its chapter (the spec's tag) in
 * `x-reference-chapter` and at the top of its description, orders the paths by task, and replaces the
 * spec's tags with the tasks. Returns the API's x-tagGroups and the operations left unplaced.
 */
export function applyNavigation(spec, navigation, sections = new Map()) {
  const taskOf = new Map();
  const order = new Map();
  for (const group of navigation.groups) {
    for (const task of group.tasks) {
      for (const id of task.operations) {
        taskOf.set(id, task.name);
        order.set(id, order.size);
      }
    }
  }
  const { unplaced } = placementProblems(spec, navigation);
  for (const [, , op] of operations(spec)) {
    const chapter = op.tags?.[0] ?? 'none';
    op['x-reference-chapter'] = chapter;
    op.tags = [taskOf.get(op.operationId) ?? UNPLACED_TASK];
    op.description = [chapterLine(chapter, sections.get(op.operationId)), op.description ?? ''].join('\n\n').trim();
  }
  // Redoc lists a tag's operations in path order, and a path's operations in key order: put each path
  // where its earliest operation is listed, and its operations in the order they are listed.
  const rankOf = (op) => order.get(op?.operationId) ?? Infinity;
  const rank = ([, item]) => Math.min(...Object.values(item).map(rankOf));
  spec.paths = Object.fromEntries(
    Object.entries(spec.paths)
      .sort((a, b) => rank(a) - rank(b))
      .map(([path, item]) => [path, Object.fromEntries(Object.entries(item).sort(([, a], [, b]) => rankOf(a) - rankOf(b)))]),
  );

  const tasks = navigation.groups.flatMap((g) => g.tasks);
  spec.tags = tasks.map(({ name, description }) => ({ name, description: description.trim() }));
  const groups = navigation.groups.map((g) => ({ name: g.name, tags: g.tasks.map((t) => t.name) }));
  if (unplaced.length) {
    spec.tags.push({ name: UNPLACED_TASK, description: `Operations docs/navigation.yaml does not place yet: ${unplaced.join(', ')}.` });
    groups[0].tags.push(UNPLACED_TASK);
  }
  return { tagGroups: groups, unplaced };
}
