// One rule for required flags (spec/README.md): the reference's "Mandatory" column decides, and every
// place where Huawei's SDK disagrees is a row of ERRATA.md's "Required flags" table. The spec must say
// what each row says the reference says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../dist/index.js';

type Schema = { $ref?: string; required?: string[]; properties?: Record<string, unknown> };
type Parameter = { $ref?: string; name: string; in: string; required?: boolean };
type Operation = { operationId: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };
const spec = loadSpec() as { paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
const root = join(import.meta.dirname, '..', '..', '..', '..');

const deref = <T extends { $ref?: string }>(node: T): T => {
  if (!node.$ref) return node;
  const [, , kind, name] = node.$ref.split('/');
  return deref(spec.components[kind!]![name!] as T);
};

// reference/operations.tsv: section, method, path, operationId, title.
const operationBySection = new Map(
  readFileSync(join(root, 'reference', 'operations.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [section, method, path, operationId] = line.split('\t');
      return [section!, { method: method!.toLowerCase(), path: path!, operationId: operationId! }];
    }),
);

const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
const table = errata.slice(errata.indexOf('## Required flags'));
const rows = table
  .split('\n')
  .filter((line) => /^\| \d/.test(line))
  .map((line) => {
    const [section, field, reference, sdk, specSays] = line.split(' | ').map((cell) => cell.replace(/^\| |`/g, '').trim());
    const [where, name] = field!.split(' ');
    return { section: section!, where: where!, name: name!, reference: reference!, sdk: sdk!, specSays: specSays!.replace(/ \|$/, '') };
  });

/** Whether the spec requires the field a row names. */
function specRequires(section: string, where: string, name: string): boolean {
  const found = operationBySection.get(section);
  if (!found) throw new Error(`section ${section} is not in reference/operations.tsv`);
  const op = Object.values(spec.paths)
    .flatMap((item) => Object.values(item))
    .find((o) => o.operationId === found.operationId);
  if (!op) throw new Error(`${found.operationId} is not in the spec`);
  if (where === 'body') {
    const schema = deref(Object.values(op.requestBody!.content)[0]!.schema);
    expect(schema.properties, `${section} body`).toHaveProperty(name);
    return (schema.required ?? []).includes(name);
  }
  const parameter = (op.parameters ?? []).map(deref).find((p) => p.in === where && p.name === name);
  if (!parameter) throw new Error(`${section}: no ${where} parameter ${name}`);
  return parameter.required === true;
}

describe('required flags follow the reference (ERRATA.md, "Required flags")', () => {
  it('the table lists the known disagreements, each with both sources', () => {
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const row of rows) {
      expect(row.reference, row.section).toMatch(/^(Mandatory|optional) \(table \d-\d+\)$/);
      expect(row.sdk, row.section).toMatch(/^(required|optional): model_\w+\.go /);
      expect(row.reference.startsWith('Mandatory'), `${row.section} ${row.name}: the SDK must disagree`).toBe(
        row.sdk.startsWith('optional'),
      );
    }
  });

  it.each(rows)('$section $where $name: the spec says what the reference says', ({ section, where, name, reference, specSays }) => {
    const required = reference.startsWith('Mandatory');
    expect(specSays).toBe(required ? 'required' : 'optional');
    expect(specRequires(section, where, name)).toBe(required);
  });
});
