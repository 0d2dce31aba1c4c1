// Suite 2: every fixture agrees with the spec - its request with the operation's parameters, credentials
// and body schema, its response with the response declared for its status (ajv, formats, closed objects).
import { afterAll, describe, it } from 'vitest';
import { checkExchange } from '../../src/exchange-validator.js';
import { loadFixtures } from '../../src/fixtures.js';
import { assertNoMismatches, reportChecked } from '../../src/report.js';
import { operations } from '../../src/spec-under-test.js';

const fixtures = loadFixtures();
const cases = operations.map((op) => [op.operationId, { op, fixtures: fixtures.get(op.operationId) ?? [] }] as const);

describe('2 fixtures vs spec', () => {
  afterAll(() => reportChecked('fixtures vs spec', cases.length, `${cases.reduce((n, [, c]) => n + c.fixtures.length, 0)} fixtures`));

  describe.each(cases)('%s', (_, { op, fixtures: own }) => {
    it('has fixtures', () => {
      if (!own.length) throw new Error(`${op.operationId}: no fixture to check in fixtures/${op.operationId}/`);
    });

    it.each(own.map((f) => [f.file, f] as const))('%s', (_, { fixture, file }) => {
      assertNoMismatches(op.operationId, file, checkExchange(op, fixture));
    });
  });
});
