// Suite 6: invalid requests get a 4xx with the OSM error body from the mock - never a 2xx, never a 5xx.
// For every operation, each way its spec's constraints can be broken (missing required, too long, out
// of range, wrong type, outside the enum, too many items, no credentials) is applied once to the operation's valid
// `success` request, and fast-check then tries random bad values on top (fixed seed, bounded runs).
// Every broken request is first confirmed invalid by the suite-2 validator, so the generator cannot
// pass off a valid request as a rejected one.
import fc from 'fast-check';
import { afterAll, describe, inject, it } from 'vitest';
import { checkRequest } from '../../src/exchange-validator.js';
import { type LoadedFixture, loadFixtures } from '../../src/fixtures.js';
import { type Mutation, mutationsFor } from '../../src/invalid-requests.js';
import { sendRaw } from '../../src/raw-request.js';
import { reportChecked } from '../../src/report.js';
import { validateValue } from '../../src/schema-validator.js';
import { multipartFileFields, operations, type SpecOperation } from '../../src/spec-under-test.js';

const SEED = 20_261_123;
const RANDOM_RUNS = 20;
const baseUrl = inject('mockUrl');
const fixtures = loadFixtures();
const osmErrorBody = { $ref: '#/components/schemas/OsmErrorBody' };
let sent = 0;

/** The valid request to break: the operation's `success` fixture (a 2xx one as a fallback). */
function baseOf(operationId: string): LoadedFixture | undefined {
  const own = fixtures.get(operationId) ?? [];
  return own.find((f) => f.fixture.case === 'success') ?? own.find((f) => f.fixture.response.status < 300);
}

async function expectRejected(op: SpecOperation, base: LoadedFixture, mutation: Mutation, variant: number): Promise<void> {
  const request = mutation.apply(structuredClone(base.fixture.request), variant);
  const where = `${op.operationId} ${base.file} ${mutation.target}: ${mutation.kind} (variant ${variant})`;
  if (!checkRequest(op, request, 400).length)
    throw new Error(`${where}: the generated request is valid by the spec - the generator is wrong`);
  const response = await sendRaw(baseUrl, request, multipartFileFields(op));
  sent += 1;
  const answer = `HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
  if (response.status < 400 || response.status >= 500) throw new Error(`${where}: expected a 4xx, the mock answered ${answer}`);
  const bodyProblems = validateValue(osmErrorBody, response.body, '/response/body');
  if (bodyProblems.length) {
    throw new Error(
      `${where}: the ${response.status} body is not an OSM error body (${bodyProblems.map((p) => `${p.pointer} ${p.message}`).join('; ')}): ${answer}`,
    );
  }
}

describe('6 bad input vs mock', () => {
  afterAll(() =>
    reportChecked('bad input vs mock', operations.length, `${sent} invalid requests, each answered 4xx with an OSM error body`),
  );

  it.each(operations.map((op) => [op.operationId, op] as const))('%s rejects every invalid request', async (_, op) => {
    const base = baseOf(op.operationId);
    if (!base) throw new Error(`${op.operationId}: no success fixture to break in fixtures/${op.operationId}/`);
    const mutations = mutationsFor(op, base.fixture.request);
    const bad = fc.record({ mutation: fc.constantFrom(...mutations), variant: fc.nat({ max: 50 }) });
    await fc.assert(
      fc.asyncProperty(bad, ({ mutation, variant }) => expectRejected(op, base, mutation, variant)),
      // fast-check counts the examples in numRuns: every mutation once, then RANDOM_RUNS random ones.
      { seed: SEED, numRuns: mutations.length + RANDOM_RUNS, examples: mutations.map((mutation) => [{ mutation, variant: 0 }]) },
    );
  });
});
