// The drift report as Markdown, written for the person who turns it into a spec change: per operation,
// each place where the API and the spec disagree, how often, the first (redacted) example, and the edit
// it suggests; then how to propose the change (spec/, `pnpm spec:diff`, an ERRATA row).
import type { DriftEntry, DriftReport, OperationDrift } from './drift.js';
import type { ViolationKind } from './violations.js';

const TITLES: Record<ViolationKind, string> = {
  'unknown-field': 'field the spec lacks',
  'missing-required': 'required field missing',
  'wrong-type': 'wrong type',
  'out-of-range': 'value outside its enum or limits',
  'unlisted-status': 'status not in the spec',
  'unlisted-content-type': 'content type not in the spec',
  'unknown-error-code': 'unknown error code',
  'invalid-request': 'request the spec refuses',
};

/**
 * Text from the upstream (a field name, an error code, a media type) as inline code whatever it holds: a
 * fence one backtick longer than its longest run of backticks, so that a backtick cannot end it.
 */
function code(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  return longest ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/** Text from the upstream as plain Markdown: backslashes and backticks escaped (no code span can start in it). */
const plain = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('`', '\\`');

/** What a reader would change in spec/ for one entry (upstream text in it as code, or escaped). */
function suggestion(entry: DriftEntry, operation: OperationDrift): string {
  const at = entry.where.indexOf('field ');
  const field = at < 0 ? entry.where : entry.where.slice(at + 'field '.length);
  switch (entry.kind) {
    case 'unknown-field':
      return `add ${code(field)} to the response schema (its type from the example), citing this report`;
    case 'missing-required':
      return `drop ${code(field)} from \`required\` if OSM really omits it (${entry.count} of ${operation.exchanges} answers)`;
    case 'wrong-type':
      return `the spec says it ${plain(entry.rule)}; change the type if OSM always sends what the example shows`;
    case 'out-of-range':
      return `the spec says it ${plain(entry.rule)}; widen the enum or limit if the example is a value OSM means`;
    case 'unlisted-status':
      return `add a \`${entry.status}\` response to ${operation.operationId} (or a shared one in components/responses)`;
    case 'unlisted-content-type':
      return `add the media type ${plain(entry.example ?? '')} to the response's \`content\``;
    case 'unknown-error-code':
      return `add ${plain(entry.example ?? 'the code')} to spec/error-codes.yaml (and the operation's error table) with its message`;
    case 'invalid-request':
      return 'a caller sent what the spec refuses: check the caller, or whether OSM accepts it (then relax the spec)';
  }
}

/** One table cell: a pipe escaped, line breaks (`\r`, `\n`, and Unicode's) made spaces, so a cell stays one cell of one row. */
const cell = (text: string) => text.replaceAll('|', '\\|').replace(/\r\n?|[\n\u2028\u2029]/g, ' ');

/** The report as Markdown. */
export function driftMarkdown(report: DriftReport): string {
  const lines: string[] = [];
  const drifted = report.operations.filter((o) => o.drift.length);
  const total = Object.values(report.totals).reduce((a, b) => a + b, 0);
  lines.push(`# Drift: ${report.spec.title} ${report.spec.version} against ${report.upstream}`, '');
  lines.push(
    `${report.exchanges} exchanges from ${report.since} to ${report.generatedAt}, ${report.operations.length} operation${report.operations.length === 1 ? '' : 's'}; ${drifted.length} with drift (${total} violations).`,
    '',
  );
  lines.push('| kind | violations |', '|---|---|');
  for (const [kind, count] of Object.entries(report.totals)) lines.push(`| ${TITLES[kind as ViolationKind]} (\`${kind}\`) | ${count} |`);
  lines.push('');
  for (const operation of report.operations) {
    const statuses = Object.entries(operation.statuses)
      .map(([status, count]) => `${status} ×${count}`)
      .join(', ');
    lines.push(`## ${operation.operationId} (${operation.method} ${operation.pathTemplate})`, '');
    const notes = [
      `${operation.exchanges} exchanges (${statuses}), ${operation.clean} without violations`,
      operation.bodiesNotChecked ? `${operation.bodiesNotChecked} bodies not checked (files, too large, or compressed)` : '',
      operation.upstreamFailures ? `${operation.upstreamFailures} upstream failures (answered 502 or 504 APIGW.0201 by the proxy)` : '',
      operation.placesNotKept ? `${operation.placesNotKept} further places not kept` : '',
    ].filter(Boolean);
    lines.push(`${notes.join('; ')}.`, '');
    if (!operation.drift.length) continue;
    lines.push('| kind | where | rule | count | first example (redacted) | status | suggested change |', '|---|---|---|---|---|---|---|');
    for (const entry of operation.drift) {
      lines.push(
        `| ${TITLES[entry.kind]} | ${cell(plain(entry.where))} | ${cell(plain(entry.rule))} | ${entry.count} | ${entry.example === undefined ? '' : cell(code(entry.example))} | ${entry.status} | ${cell(suggestion(entry, operation))} |`,
      );
    }
    lines.push('');
  }
  lines.push('## Proposing the change', '');
  lines.push('1. Edit the schema, response or error code under `spec/` (one file per component), as each row suggests.');
  lines.push('2. `pnpm spec:diff` shows what the change does to callers (breaking or not), per operation.');
  lines.push('3. Add a row to `spec/ERRATA.md` where the spec now departs from the reference text:');
  lines.push('');
  lines.push('   | Section | The reference says | The spec says | Evidence |');
  lines.push('   |---|---|---|---|');
  lines.push(
    `   | (the operation's section) | (the table's wording) | (the new schema) | \`osm-mock --proxy\` drift report of ${report.generatedAt.slice(0, 10)}: N of M answers of ${report.upstream} (first example above) |`,
  );
  lines.push('');
  lines.push('4. Add a changeset for `@osm-openapi/spec` (`pnpm changeset`).');
  return `${lines.join('\n')}\n`;
}
