// The error catalogue agrees with the reference's inventory and with the schema's enum of codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadErrorCodes, loadSpec } from '../../dist/index.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const inventory = readFileSync(join(root, 'reference', 'error-codes.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [httpStatus, code, , historical] = line.split('\t');
    return { httpStatus: Number(httpStatus), code: code!, historical: historical === 'yes' };
  });
const catalogue = loadErrorCodes();

describe('error catalogue (spec/error-codes.yaml)', () => {
  it('has exactly the 64 codes of table 7.1', () => {
    expect(catalogue.map((c) => c.code).sort()).toEqual(inventory.map((c) => c.code).sort());
    expect(catalogue).toHaveLength(64);
  });

  it.each(inventory)('$code comes with HTTP $httpStatus and its 7.3 flag', ({ code, httpStatus, historical }) => {
    const entry = catalogue.find((c) => c.code === code);
    expect(entry?.http_status).toBe(httpStatus);
    expect(entry?.historical.in_table_7_3).toBe(historical);
  });

  it('has a message, description and solution for every code, free of conversion artefacts', () => {
    for (const entry of catalogue) {
      for (const text of [entry.message, entry.description, entry.solution]) {
        expect(text.trim(), entry.code).not.toBe('');
        expect(text, entry.code).not.toMatch(/\s[.,]$|\s{2}/);
      }
      expect(entry.code).toMatch(/^OSM\.(\d{4}|\d{8})$/);
    }
  });

  it('is the enum of the error_code schema, nothing more, nothing less', () => {
    const spec = loadSpec() as { components: { schemas: Record<string, { anyOf?: { enum?: string[] }[] }> } };
    const enumCodes = spec.components.schemas.OsmErrorCode?.anyOf?.find((s) => s.enum)?.enum ?? [];
    expect([...enumCodes].sort()).toEqual(catalogue.map((c) => c.code).sort());
  });
});
