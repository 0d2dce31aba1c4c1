// Turns docs/guides/*.md into Redoc "trait tags" (sections without operations), filling in the parts
// generated from the spec: the error-code table, the v1.0 -> v2 migration tables and the errata.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { operations } from './spec-walk.mjs';

/** Escapes text for one Markdown table cell. */
function cell(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
}

/** Markdown table of every catalogue code. */
export function errorCodeTable(codes) {
  return table(
    ['Code', 'HTTP', 'error_msg', 'Meaning', 'What to do'],
    codes.map((c) => [`\`${c.code}\``, c.http_status, cell(c.message), cell(c.description), cell(c.solution)]),
  );
}

/** The v1.0 operations with their replacement, in document order; throws if a replacement is missing. */
function replacements(spec) {
  const byId = new Map(operations(spec).map(([path, method, op]) => [op.operationId, { path, method, op }]));
  return operations(spec)
    .filter(([, , op]) => op.deprecated && op['x-replaced-by'])
    .map(([path, method, op]) => {
      const target = byId.get(op['x-replaced-by']);
      if (!target) throw new Error(`${op.operationId}: x-replaced-by names ${op['x-replaced-by']}, which is not an operation of the spec`);
      return { old: { path, method, op }, target };
    });
}

function operationCell({ path, method, op }) {
  return `\`${op.operationId}\`<br>${method.toUpperCase()} \`${path}\``;
}

/** The first segment of a qualified field name: `caseList[].x` -> `caseList`, `caseDetail.caseId` -> `caseDetail`. */
function parentOf(field) {
  return field.split(/[.[]/)[0];
}

/**
 * Orders renamed fields as the spec lists them, except that a qualified name (`caseDetail.caseId`) follows
 * its parent (`caseDetail`), so a nested field reads next to the object it is in.
 */
function nestedOrder(fields) {
  const top = fields.filter(([from]) => parentOf(from) === from);
  const nested = fields.filter(([from]) => parentOf(from) !== from);
  const ordered = top.flatMap((entry) => [entry, ...nested.filter(([from]) => parentOf(from) === entry[0])]);
  return [...ordered, ...nested.filter((entry) => !ordered.includes(entry))];
}

/**
 * The migration section: one table mapping each v1.0 operation to its v2 replacement (x-replaced-by), then
 * per operation the fields whose names changed (x-renamed-fields) and those that kept theirs.
 */
export function migrationTable(spec) {
  const pairs = replacements(spec);
  const overview = table(
    ['v1.0 operation (deprecated)', 'v2 replacement'],
    pairs.map(({ old, target }) => [operationCell(old), operationCell(target)]),
  );
  const details = pairs
    .filter(({ old }) => Object.keys(old.op['x-renamed-fields'] ?? {}).length)
    .map(({ old, target }) => {
      const fields = nestedOrder(Object.entries(old.op['x-renamed-fields']));
      const renamed = fields.filter(([from, to]) => from !== to);
      const kept = fields.filter(([from, to]) => from === to).map(([name]) => `\`${name}\``);
      return [
        `### ${old.op.operationId} → ${target.op.operationId}`,
        renamed.length ? table(['v1.0 field', 'v2 field'], renamed.map(([from, to]) => [`\`${from}\``, `\`${to}\``])) : '',
        kept.length ? `Same name in v2: ${kept.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
    });
  return [overview, '## Renamed fields', 'A dotted name (`caseDetail.caseId`) is a field inside an object; `[]` marks the items of a list.', ...details].join('\n\n');
}

/**
 * Reads the guides in file-name order and returns them as Redoc trait tags.
 * @param {{ spec: object, codes: object[], errata: string, apiChangelog: () => string }} sources
 */
export function guideTags(guidesDir, { spec, codes, errata, apiChangelog }) {
  return readdirSync(guidesDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(guidesDir, file), 'utf8');
      const match = /^#\s+(.+)\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`docs/guides/${file} must start with a "# Title" line`);
      const filled = match[2]
        .replace('<!-- error-codes -->', () => errorCodeTable(codes))
        .replace('<!-- migration-table -->', () => migrationTable(spec))
        .replace('<!-- errata -->', () => errata.replace(/^#\s+.+\n/, ''))
        .replace('<!-- api-changelog -->', () => apiChangelog());
      return { name: match[1].trim(), description: filled.trim(), 'x-traitTag': true };
    });
}
