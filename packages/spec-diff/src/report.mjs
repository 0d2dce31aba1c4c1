// The classified changes as text for a terminal and as Markdown for changelogs, grouped per operation.
import { countByClass, groupByOperation } from './classify.mjs';

/** "1 breaking, 2 non-breaking, 0 documentation-only". */
export function summaryLine(changes) {
  return Object.entries(countByClass(changes))
    .map(([cls, n]) => `${n} ${cls}`)
    .join(', ');
}

function operationHeading(group) {
  return group.operation ? `${group.title} (${group.operation.method} ${group.operation.path})` : group.title;
}

/**
 * Plain text: a summary line, then each operation with its changes, one per line.
 * @param {import('./classify.mjs').ApiChange[]} changes
 * @param {{ from: string, to: string, locate?: (pointer: (string|number)[]) => { file: string, line: number } }} options
 */
export function formatText(changes, { from, to, locate }) {
  const lines = [`API changes from ${from} to ${to}: ${changes.length ? summaryLine(changes) : 'none'}`];
  for (const group of groupByOperation(changes)) {
    lines.push('', operationHeading(group));
    for (const change of group.changes) {
      const where = locate ? `  (${Object.values(locate(change.pointer)).join(':')})` : '';
      lines.push(`  ${change.class.padEnd(18)}  ${change.text}${where}`);
    }
  }
  return lines.join('\n');
}

const LABELS = { breaking: 'Breaking', 'non-breaking': 'Non-breaking', 'documentation-only': 'Documentation' };

/**
 * Markdown for a changelog: one bullet per operation, its changes as sub-bullets labelled by class.
 * @param {import('./classify.mjs').ApiChange[]} changes
 */
export function formatMarkdown(changes) {
  if (changes.length === 0) return 'No change to the API.';
  const lines = [`${summaryLine(changes)}.`, ''];
  for (const group of groupByOperation(changes)) {
    lines.push(group.operation ? `- \`${group.title}\` (\`${group.operation.method} ${group.operation.path}\`)` : `- ${group.title}`);
    for (const change of group.changes) lines.push(`  - **${LABELS[change.class]}:** ${change.text}`);
  }
  return lines.join('\n');
}
