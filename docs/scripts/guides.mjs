// Turns docs/guides/*.md into Redoc "trait tags" (sections without operations), filling in the parts
// generated from the spec: the error-code table, the v1.0 -> v2 migration table and the errata.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function cell(text) {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Markdown table of every catalogue code. */
export function errorCodeTable(codes) {
  const rows = codes.map(
    (c) => `| \`${c.code}\` | ${c.http_status} | ${cell(c.message)} | ${cell(c.description)} | ${cell(c.solution)} |`,
  );
  return ['| Code | HTTP | error_msg | Meaning | What to do |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Every operation of the spec as [path, method, operation]. */
export function operations(spec) {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => [path, m, item[m]]),
  );
}

/** Markdown table mapping each v1.0 operation to its v2 replacement, from x-replaced-by and x-renamed-fields. */
export function migrationTable(spec) {
  const byId = new Map(operations(spec).map(([path, method, op]) => [op.operationId, { path, method }]));
  const rows = operations(spec)
    .filter(([, , op]) => op.deprecated && op['x-replaced-by'])
    .map(([path, method, op]) => {
      const target = byId.get(op['x-replaced-by']);
      const renames = Object.entries(op['x-renamed-fields'] ?? {})
        .map(([from, to]) => `\`${from}\` → \`${to}\``)
        .join(', ');
      const v2 = target ? `\`${op['x-replaced-by']}\` (${target.method.toUpperCase()} ${target.path})` : `\`${op['x-replaced-by']}\``;
      return `| \`${op.operationId}\` (${method.toUpperCase()} ${path}) | ${v2} | ${renames || '-'} |`;
    });
  return ['| v1.0 operation | v2 replacement | Renamed fields |', '|---|---|---|', ...rows].join('\n');
}

/** Reads the guides in file-name order; returns Redoc trait tags. */
export function guideTags(guidesDir, { spec, codes, errata }) {
  return readdirSync(guidesDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(guidesDir, file), 'utf8');
      const [, title = file, body = ''] = /^#\s+(.+)\n([\s\S]*)$/.exec(text) ?? [];
      const filled = body
        .replace('<!-- error-codes -->', () => errorCodeTable(codes))
        .replace('<!-- migration-table -->', () => migrationTable(spec))
        .replace('<!-- errata -->', () => errata.replace(/^#\s+.+\n/, ''));
      return { name: title.trim(), description: filled.trim(), 'x-traitTag': true };
    });
}
