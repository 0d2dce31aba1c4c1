// Suite 4: the client's generated types are exactly what openapi-typescript makes of the spec now -
// nobody edited them by hand, and they were regenerated after the last spec change.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { clientTypesPath, generateClientTypes } from '../../src/client-types-generator.js';
import { reportChecked } from '../../src/report.js';
import { operations, specPath } from '../../src/spec-under-test.js';
import { firstDifference, operationsUsing, typeMembers } from '../../src/type-members.js';

const builtFile = relative(process.cwd(), clientTypesPath);
let regenerated: Map<string, string>;
let built: Map<string, string>;
let regeneratedText: string;
let builtText: string;

function compareBlock(operationId: string, key: string): void {
  const expected = regenerated.get(key);
  const actual = built.get(key);
  if (expected === undefined)
    throw new Error(`${operationId} ${builtFile} ${key}: not generated from the spec any more, but the built file has it`);
  if (actual === undefined) throw new Error(`${operationId} ${builtFile} ${key}: generated from the spec, missing from the built file`);
  const difference = firstDifference(expected, actual);
  if (difference) throw new Error(`${operationId} ${builtFile} ${key} drifted from the spec: ${difference}`);
}

describe('4 drift: generated client types vs the spec', () => {
  beforeAll(async () => {
    regeneratedText = await generateClientTypes(specPath);
    builtText = readFileSync(clientTypesPath, 'utf8');
    regenerated = typeMembers(regeneratedText);
    built = typeMembers(builtText);
  });
  afterAll(() => reportChecked('drift', operations.length));

  describe.each(operations.map((op) => [op.operationId, op] as const))('%s', (_, op) => {
    it('operation type matches a fresh generation', () => compareBlock(op.operationId, `operations.${op.operationId}`));
    it('path type matches a fresh generation', () => compareBlock(op.operationId, `paths[${JSON.stringify(op.path)}]`));
  });

  it('the whole file matches a fresh generation (schemas, parameters, responses too)', () => {
    if (regeneratedText === builtText) return;
    const keys = new Set([...regenerated.keys(), ...built.keys()]);
    const drifted = [...keys].filter((key) => regenerated.get(key) !== built.get(key));
    const named = drifted.map((key) => {
      const users = operationsUsing(regenerated.has(key) ? regenerated : built, key);
      return users.length ? `${key} (used by ${users.join(', ')})` : key;
    });
    const where = drifted.length ? named.join('; ') : firstDifference(regeneratedText, builtText);
    throw new Error(`${builtFile} drifted from the spec in: ${where}. Run \`pnpm exec turbo run generate\` (never edit it by hand).`);
  });
});
