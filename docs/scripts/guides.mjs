// Turns docs/guides/*.md into Redoc "trait tags" (sections without operations), filling in the parts
// generated from the spec: the error-code table, the v1.0 -> v2 migration tables, the errata and the
// first-ticket walkthrough; operations, routes and error codes named in the prose become links.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpStatusTable } from './http-statuses.mjs';
import { linkBareUrls, linkify } from './links.mjs';
import { operations } from './spec-walk.mjs';

function table(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Escapes text for HTML. */
function html(text) {
  return String(text ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/**
 * The table of every catalogue code, as HTML so that each row carries the code as its id: the target of
 * the links from operations and from the client's OsmError documentation (`#/error-codes#OSM.0001`).
 * The code links to its own row, so a reader can copy a link to one code.
 */
export function errorCodeTable(codes, hrefOf) {
  const head = ['Code', 'HTTP', 'error_msg', 'Meaning', 'What to do'].map((h) => `<th>${h}</th>`).join('');
  const rows = codes.map((c) =>
    [
      `<tr id="${html(c.code)}">`,
      `<td class="osm-code"><a href="${html(hrefOf(c.code))}"><code>${html(c.code)}</code></a></td>`,
      `<td>${html(c.http_status)}</td>`,
      ...[c.message, c.description, c.solution].map((text) => `<td>${html(text)}</td>`),
      '</tr>',
    ].join(''),
  );
  const hint = '<p class="osm-scroll-hint">Scroll the table sideways for the meaning and what to do.</p>';
  return `${hint}<div class="osm-table"><table class="osm-error-codes"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
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

/** An operation by name and route; a path breaks only after a `/` (`<wbr>`), never inside a word. */
function operationCell({ path, method, op }) {
  const route = path.split('/').map(html).join('/<wbr>');
  return `\`${op.operationId}\`<br>${method.toUpperCase()} <code class="osm-path">${route}</code>`;
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
        renamed.length
          ? table(
              ['v1.0 field', 'v2 field'],
              renamed.map(([from, to]) => [`\`${from}\``, `\`${to}\``]),
            )
          : '',
        kept.length ? `Same name in v2: ${kept.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
    });
  return [
    overview,
    '## Renamed fields',
    'A dotted name (`caseDetail.caseId`) is a field inside an object; `[]` marks the items of a list.',
    ...details,
  ].join('\n\n');
}

/**
 * Errata markdown whose reference section numbers (`5.3.7`) link to the operation of that section;
 * `sectionHrefs` maps a section to its link. A number that names no operation is left alone.
 */
export function linkSections(markdown, sectionHrefs) {
  return markdown.replace(/(?<![\d.\w])(\d+\.\d+\.\d+)(?![\d]|\.\d)/g, (section) => {
    const href = sectionHrefs.get(section);
    return href ? `[${section}](${href})` : section;
  });
}

// Code spans, links and HTML tags, which breakLongWords leaves as they are.
const UNTOUCHED = /(\x60[^\x60\n]*\x60|\[[^\]\n]*\]\([^)\n]*\)|<[^>\n]+>)/;

/**
 * Markdown whose long plain words (file names such as `model_show_..._response.go` written without code
 * marks) may break after a `_`, `/` or `.` (`<wbr>`), so that one word cannot widen a table past its column.
 */
export function breakLongWords(markdown) {
  return markdown
    .split(UNTOUCHED)
    .map((part, i) => (i % 2 ? part : part.replace(/[^\s|()[\]<>\x60]{25,}/g, (word) => word.replace(/([_/.])(?=[^_/.])/g, '$1<wbr>'))))
    .join('');
}

/**
 * Reads the guides in file-name order and returns them as Redoc trait tags, with their generated parts
 * filled in (`<!-- error-codes -->`, `<!-- http-statuses -->`, `<!-- migration-table -->`, `<!-- errata -->`,
 * `<!-- first-ticket -->`, `<!-- api-changelog -->`)
 * and the operations and error codes their prose names linked (`targets`, from links.mjs).
 */
export function guideTags(guidesDir, { spec, codes, errata, targets, sectionHrefs, errorHref, walkthrough = '', apiChangelog = () => '' }) {
  return readdirSync(guidesDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(guidesDir, file), 'utf8');
      const match = /^#\s+(.+)\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`docs/guides/${file} must start with a "# Title" line`);
      const filled = linkify(
        match[2].replace('<!-- first-ticket -->', () => walkthrough),
        targets,
      )
        .replace('<!-- error-codes -->', () => errorCodeTable(codes, errorHref))
        .replace('<!-- http-statuses -->', () => linkify(httpStatusTable(), targets))
        .replace('<!-- migration-table -->', () => linkify(migrationTable(spec), targets))
        .replace('<!-- errata -->', () =>
          linkSections(breakLongWords(linkBareUrls(linkify(errata.replace(/^#\s+.+\n/, ''), targets))), sectionHrefs),
        )
        .replace('<!-- api-changelog -->', () => linkify(apiChangelog(), targets));
      return { name: match[1].trim(), description: filled.trim(), 'x-traitTag': true };
    });
}
