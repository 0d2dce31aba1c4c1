// The guides as the page shows them: the generated error-code and migration tables, and the guide files
// turned into sections.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadErrorCodes, loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { breakLongWords, errorCodeTable, guideTags, linkSections, migrationTable } from '../../scripts/guides.mjs';
import { HTTP_STATUSES } from '../../scripts/http-statuses.mjs';
import { errorCodeHref, linkTargets } from '../../scripts/links.mjs';
import { operations } from '../../scripts/spec-walk.mjs';

const spec = loadSpec();
const codes = loadErrorCodes();
const guidesDir = new URL('../../guides/', import.meta.url).pathname;
const reference = (file) =>
  readFileSync(new URL(`../../../reference/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'));

/** The body rows of the first Markdown table in `markdown` that has `header` as its header row. */
function tableRows(markdown, header) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  expect(start, `no table headed ${header}`).toBeGreaterThanOrEqual(0);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/** The rows of the HTML error-code table as [id, cell texts]. */
function htmlRows(markup) {
  return [...markup.matchAll(/<tr id="([^"]+)">([\s\S]*?)<\/tr>/g)].map(([, id, cells]) => [
    id,
    [...cells.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map(([, text]) => text.replace(/<[^>]+>/g, '')),
  ]);
}

describe('error-code table', () => {
  it("has one row per code of the reference's catalogue (64), with its HTTP status, the code as the row's id", () => {
    const rows = htmlRows(errorCodeTable(codes, errorCodeHref));
    const referenceCodes = reference('error-codes.tsv');
    expect(rows).toHaveLength(referenceCodes.length);
    expect(rows).toHaveLength(64);
    expect(rows.map(([id, cells]) => [cells[1], id])).toEqual(
      expect.arrayContaining(referenceCodes.map(([status, code]) => [status, code])),
    );
    expect(rows.every(([id, cells]) => cells[0] === id)).toBe(true);
  });

  it('links each code to its own row', () => {
    expect(errorCodeTable(codes, errorCodeHref)).toContain(
      '<tr id="OSM.01010004"><td class="osm-code"><a href="#/error-codes#OSM.01010004"><code>OSM.01010004</code></a>',
    );
  });

  it('escapes HTML in the catalogue text', () => {
    const table = errorCodeTable(
      [{ code: 'OSM.9', http_status: 200, message: 'a <b> & "c"', description: 'd', solution: 'ok' }],
      errorCodeHref,
    );
    expect(htmlRows(table)).toEqual([['OSM.9', ['OSM.9', '200', 'a &lt;b&gt; &amp; &quot;c&quot;', 'd', 'ok']]]);
  });
});

describe('v1.0 migration table', () => {
  const markdown = migrationTable(spec);
  const rows = tableRows(markdown, '| v1.0 operation');
  const ids = new Set(operations(spec).map(([, , op]) => op.operationId));

  it('maps each of the 13 historical operations to a v2 operation that exists', () => {
    const historical = reference('operations.tsv').filter(([section]) => section.startsWith('6.'));
    expect(rows).toHaveLength(historical.length);
    expect(rows).toHaveLength(13);
    for (const [v1, v2] of rows) {
      const [oldId, newId] = [v1, v2].map((c) => /^`(\w+)`/.exec(c)[1]);
      expect(historical.map((h) => h[3])).toContain(oldId);
      expect(ids.has(newId), `${oldId} -> ${newId}`).toBe(true);
      expect(newId.endsWith('V1'), `${oldId} is replaced by a v2 operation`).toBe(false);
      expect(v2).toMatch(/(GET|POST|PUT|DELETE) <code class="osm-path">\/<wbr>v2\//);
    }
  });

  it('lets a path break only after a slash, never inside a word', () => {
    const cell = rows.find(([v1]) => v1.startsWith('`showCaseDetailV1`'))[1];
    expect(cell).toContain('<code class="osm-path">/<wbr>v2/<wbr>servicerequest/<wbr>cases/<wbr>{case_id}</code>');
  });

  it('lists renamed fields per operation, a qualified name right after the object it is in', () => {
    const section = markdown.split('### showCaseDetailV1 → showCaseDetail')[1].split('###')[0];
    const renamed = tableRows(section, '| v1.0 field').map((r) => r.map((c) => c.replace(/`/g, '')));
    const index = renamed.findIndex(([from]) => from === 'caseDetail');
    expect(renamed[index]).toEqual(['caseDetail', 'incident_detail_info']);
    expect(renamed[index + 1]).toEqual(['caseDetail.caseId', 'incident_detail_info.incident_id']);
    expect(renamed.map(([from]) => from)).not.toContain('status');
    expect(section).toMatch(/Same name in v2: .*`status`/);
  });

  it('keeps list-item fields (`caseList[].x`) next to their list', () => {
    const section = markdown.split('### listCasesV1 → listCases')[1].split('###')[0];
    const fields = tableRows(section, '| v1.0 field').map(([from]) => from.replace(/`/g, ''));
    expect(fields[fields.indexOf('caseList') + 1]).toBe('caseList[].subCustomerName');
  });

  it('refuses a replacement that is not an operation of the spec', () => {
    const fixture = {
      paths: { '/v1.0/old': { get: { operationId: 'oldV1', deprecated: true, 'x-replaced-by': 'missingOp', responses: {} } } },
    };
    expect(() => migrationTable(fixture)).toThrow(/oldV1: x-replaced-by names missingOp/);
  });
});

describe('guide sections', () => {
  const errata = '# Errata\n\n| Section | says |\n|---|---|\n| 5.11.4 | x (see `showCaseDetail`) |\n| 9.9.9 | y |\n';
  const targets = linkTargets(operations(spec), codes);
  const sectionHrefs = new Map([['5.11.4', targets.byId.get('showCaseDetail')]]);
  const apiChangelog = () => '## Unreleased\n\n### Added\n\n- `showLabel`: the operation was added';
  const walkthrough = '### 1. A step';
  const context = { spec, codes, errata, targets, sectionHrefs, errorHref: errorCodeHref, walkthrough, apiChangelog };
  const tags = guideTags(guidesDir, context);
  const byName = Object.fromEntries(tags.map((t) => [t.name, t.description]));

  it('makes one trait tag per guide, in file-name order, titled by its first heading', () => {
    expect(tags.map((t) => t.name)).toEqual([
      'Getting started',
      'Authentication',
      'Concepts and endpoints',
      'Your first ticket',
      'Error handling',
      'Error codes',
      'Testing with the mock',
      'Migrating from v1.0',
      'Errata',
      'Check the spec against your account',
      'API changelog',
    ]);
    expect(tags.every((t) => t['x-traitTag'] === true)).toBe(true);
  });

  it('fills in the generated parts and leaves no placeholder behind', () => {
    expect(tags.map((t) => t.description).join('\n')).not.toContain('<!--');
    expect(htmlRows(byName['Error codes'])).toHaveLength(codes.length);
    expect(byName['Your first ticket']).toContain('### 1. A step');
    expect(byName['Migrating from v1.0']).toContain('### createCaseV1 → createCases');
    expect(byName.Errata).not.toContain('# Errata');
    expect(byName['API changelog']).toContain('- `showLabel`: the operation was added');
    // The status table: one row per entry of http-statuses.mjs, 429 with the client's retry.
    expect(byName['Error handling']).toMatch(/^\| 429 \| gateway \| Too many requests.*\| GET: sent again/m);
    expect(byName['Error handling'].match(/^\| (\d|\d{3}, )/gm)).toHaveLength(HTTP_STATUSES.length);
  });

  it('links the sections, operations and error codes the errata and guides name', () => {
    expect(byName.Errata).toContain('| [5.11.4](#/query/showcasedetail) | x (see [`showCaseDetail`](#/query/showcasedetail)) |');
    expect(byName.Errata).toContain('| 9.9.9 | y |');
    expect(byName['Error handling']).toContain('[`OSM.0001`](#/error-codes#OSM.0001)');
    expect(byName['Migrating from v1.0']).toContain('[`createCaseV1`](#/historical-(v1.0)/createcasev1)');
  });

  it('lets a long plain word break after _ / . but leaves code, links and short words alone', () => {
    expect(breakLongWords('SDK model_show_latest_agreement_response.go and `model_show_latest_agreement_response.go`')).toBe(
      'SDK model_<wbr>show_<wbr>latest_<wbr>agreement_<wbr>response.<wbr>go and `model_show_latest_agreement_response.go`',
    );
    const kept = 'a [x](https://support.huaweicloud.com/intl/en-us/api-ticket/) b_c.d';
    expect(breakLongWords(kept)).toBe(kept);
  });

  it('links a section number only where it stands alone', () => {
    const hrefs = new Map([['5.3.7', '#/t/op']]);
    expect(linkSections('5.3.7, 15.3.7, 5.3.71, 5.3.7.1 and v5.3.7', hrefs)).toBe('[5.3.7](#/t/op), 15.3.7, 5.3.71, 5.3.7.1 and v5.3.7');
  });

  it('refuses a guide without a "# Title" first line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osm-guides-'));
    try {
      writeFileSync(join(dir, '01-untitled.md'), 'No heading here.\n');
      expect(() => guideTags(dir, { spec, codes, errata: '', targets: linkTargets([], []) })).toThrow(
        /01-untitled\.md must start with a "# Title" line/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
