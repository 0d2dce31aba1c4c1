// Suite 3: every fixture's bodies type-check as the generated client types say they are
// (`<literal> satisfies operations[op]["responses"][status]["content"][mediaType]`), all fixtures
// compiled by one TypeScript program; and a deliberately wrong fixture does not.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapiJsonPath } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientTypesPath, generateClientTypes } from '../../src/client-types-generator.js';
import { typeCheckFixtures } from '../../src/fixture-type-check.js';
import { type Fixture, loadFixtures, readFixture } from '../../src/fixtures.js';
import { assertNoMismatches, reportChecked } from '../../src/report.js';
import type { Mismatch } from '../../src/schema-validator.js';
import { operations, specPath } from '../../src/spec-under-test.js';

const packageRoot = join(import.meta.dirname, '..', '..');
const workDir = join(packageRoot, '.generated', 'fixture-types');
const fixtures = loadFixtures();
const wrongDir = join(import.meta.dirname, 'wrong-fixtures', 'createCases');
const wrong = { type: readFixture(join(wrongDir, 'wrongType.json')), field: readFixture(join(wrongDir, 'unknownField.json')) };
let results: Map<string, Mismatch[]>;

/** The client's generated types, or - when another spec is under test - types generated from it. */
async function typesFile(): Promise<string> {
  if (specPath === openapiJsonPath) return clientTypesPath;
  const file = join(packageRoot, '.generated', 'spec-under-test-types.ts');
  mkdirSync(join(packageRoot, '.generated'), { recursive: true });
  writeFileSync(file, await generateClientTypes(specPath));
  return file;
}

describe('3 fixtures vs generated types', () => {
  beforeAll(async () => {
    const inputs = [...fixtures.values()].flat().map(({ fixture, file }) => ({ fixture: fixture as Fixture, file }));
    results = typeCheckFixtures([...inputs, wrong.type, wrong.field], await typesFile(), workDir);
  });
  afterAll(() =>
    reportChecked(
      'fixtures vs generated types',
      operations.length,
      `${results.size - 2} fixtures and 2 wrong ones in one TypeScript program`,
    ),
  );

  describe.each(operations.map((op) => [op.operationId, { op, own: fixtures.get(op.operationId) ?? [] }] as const))(
    '%s',
    (_, { op, own }) => {
      it('has fixtures', () => {
        if (!own.length) throw new Error(`${op.operationId}: no fixture to type-check in fixtures/${op.operationId}/`);
      });

      it.each(own.map((f) => [f.file] as const))('%s type-checks', (file) => {
        assertNoMismatches(op.operationId, file, results.get(file) ?? []);
      });
    },
  );

  it('a deliberately wrong fixture fails, at the wrong value: a number where the spec says string', () => {
    expect(results.get(wrong.type.file)).toEqual([
      { pointer: '/response/body/incident_id', message: expect.stringContaining("'number' is not assignable") },
    ]);
  });

  it('a deliberately wrong fixture fails, at the wrong field: one the spec does not have', () => {
    expect(results.get(wrong.field.file)).toEqual([
      { pointer: '/response/body/incident_no', message: expect.stringContaining('may only specify known properties') },
    ]);
  });
});
