// The API diff as GitHub Actions shows it: workflow-command annotations on the spec's source lines, and a
// Markdown table for the job summary ($GITHUB_STEP_SUMMARY).
import { groupByOperation } from '@osm-openapi/spec-diff/classify';
import { summaryLine } from '@osm-openapi/spec-diff/report';

/** Escapes the message of a workflow command (`%`, CR and LF). */
function escapeData(text) {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property of a workflow command (also `:` and `,`). */
function escapeProperty(text) {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** An annotation lists at most this many changes: a shared schema can reach every operation. */
const MAX_LINES = 10;

function operationLabel(change) {
  return change.operation ? change.operation.id : 'Whole API';
}

/**
 * One annotation per source line: `::error` for a breaking change the gate rejects, `::warning` for an
 * accepted one, `::notice` for the rest. Changes to a shared schema land on one line, listing every
 * operation they reach.
 * @param {import('@osm-openapi/spec-diff/classify').ApiChange[]} changes
 * @param {(pointer: (string|number)[]) => { file: string, line: number }} locate
 * @param {boolean} gateFailed
 * @returns {string[]} the workflow commands, one per line
 */
export function annotations(changes, locate, gateFailed) {
  const byLine = new Map();
  for (const change of changes) {
    const { file, line } = locate(change.pointer);
    const key = `${file}:${line}`;
    if (!byLine.has(key)) byLine.set(key, { file, line, changes: [] });
    byLine.get(key).changes.push(change);
  }
  return [...byLine.values()].map(({ file, line, changes: here }) => {
    const breaking = here.some((c) => c.class === 'breaking');
    const level = breaking ? (gateFailed ? 'error' : 'warning') : 'notice';
    const title = breaking
      ? 'Breaking API change'
      : here.every((c) => c.class === 'documentation-only')
        ? 'API documentation change'
        : 'API change';
    const lines = here.map((c) => `${operationLabel(c)}: ${c.text} [${c.class}]`);
    const shown =
      lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `and ${lines.length - MAX_LINES} more (see the job summary)`] : lines;
    const message = shown.join('\n');
    return `::${level} file=${escapeProperty(file)},line=${line},title=${escapeProperty(title)}::${escapeData(message)}`;
  });
}

/** Escapes text for one Markdown table cell. */
function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * The job summary: the verdict, the override quoted when one was used, and a table of every change.
 * @param {import('@osm-openapi/spec-diff/classify').ApiChange[]} changes
 * @param {{ ok: boolean, message: string, override?: { path: string, line: string } }} verdict from checkBreakingChanges
 * @param {(pointer: (string|number)[]) => { file: string, line: number }} locate
 * @param {string} base what the spec was compared with
 */
export function jobSummary(changes, verdict, locate, base) {
  const lines = [
    `## API changes against ${base}`,
    '',
    `${verdict.ok ? '✅' : '❌'} ${changes.length ? summaryLine(changes) : 'No change to the API'}. ${cell(verdict.message.split('\n')[0])}`,
  ];
  if (!verdict.ok) lines.push('', ...verdict.message.split('\n').slice(1));
  if (verdict.override) lines.push('', `Override in \`${verdict.override.path}\`:`, '', `> ${verdict.override.line}`);
  if (changes.length) {
    lines.push('', '| Operation | Change | Class | Source |', '|---|---|---|---|');
    for (const group of groupByOperation(changes)) {
      for (const change of group.changes) {
        const { file, line } = locate(change.pointer);
        const operation = change.operation
          ? `\`${change.operation.id}\`<br>${change.operation.method} \`${cell(change.operation.path)}\``
          : 'Whole API';
        const cls = change.class === 'breaking' ? '**breaking**' : change.class;
        lines.push(`| ${operation} | ${cell(change.text)} | ${cls} | \`${file}:${line}\` |`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
