// Every operation's default answer (`success`, what the mock serves first) holds values a consumer can
// parse: no placeholders, times in a time format, and one case ID across the operations.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../dist/index.js';

type Example = { $ref: string };
type Operation = { operationId: string; responses: Record<string, { content: Record<string, { examples?: Record<string, Example> }> }> };
const spec = loadSpec() as {
  paths: Record<string, Record<string, Operation>>;
  components: { examples: Record<string, { value: unknown }> };
};

/** The case IDs the examples use: the ticket itself, and a second one for associations. */
const CASE_IDS = ['CS20240101000001', 'CS20240101000002'];
const CASE_ID_FIELDS = /^(incident_id|case_id|caseId|related_id)$/;
const TIME_FIELDS = /^((create|operate|start|end|expire|auth_effective|auth_expire)_time|createTime)$/;
// `yyyy-MM-dd HH:mm:ss` (the reference's form) or ISO 8601 date-time.
const TIME = /^\d{4}-\d{2}-\d{2}([ T])\d{2}:\d{2}:\d{2}(\.\d{3})?(Z)?$/;
const PLACEHOLDER = /^(test|string|xxx|123|[a-z]+-123(456)?)$|xxx/i;

const operations = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).filter((op): op is Operation => typeof op === 'object' && op !== null && 'operationId' in op),
);
const withSuccess = operations.flatMap((op) => {
  const examples = op.responses['200']?.content['application/json']?.examples ?? {};
  return examples.success
    ? [
        {
          operationId: op.operationId,
          names: Object.keys(examples),
          value: spec.components.examples[examples.success.$ref.split('/').pop()!]!.value,
        },
      ]
    : [];
});

/** Every leaf of a value with its key and JSON pointer. */
function leaves(value: unknown, pointer = ''): { key: string; pointer: string; value: unknown }[] {
  if (value === null || typeof value !== 'object') return [{ key: pointer.split('/').pop() ?? '', pointer, value }];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, `${pointer}/${k}`));
}

describe('success examples are realistic', () => {
  it('exist for every operation with a JSON result (all but the four file downloads)', () => {
    expect(withSuccess.length).toBe(operations.length - 4);
  });

  it.each(withSuccess)('$operationId: success is the first example (the mock answers it by default)', ({ names }) => {
    expect(names[0]).toBe('success');
  });

  it.each(withSuccess)('$operationId: no placeholder, times as times, the one case ID', ({ value }) => {
    for (const leaf of leaves(value)) {
      if (typeof leaf.value !== 'string') continue;
      expect(leaf.value, leaf.pointer).not.toMatch(PLACEHOLDER);
      if (TIME_FIELDS.test(leaf.key)) expect(leaf.value, leaf.pointer).toMatch(TIME);
      if (CASE_ID_FIELDS.test(leaf.key)) expect(CASE_IDS, leaf.pointer).toContain(leaf.value);
    }
  });

  it('the checks do catch the reference placeholders', () => {
    expect('test').toMatch(PLACEHOLDER);
    expect('test-123').toMatch(PLACEHOLDER);
    expect('f9ae1952bf75xxx1a0099d93ba9dd91f').toMatch(PLACEHOLDER);
    expect('123').not.toMatch(TIME);
    expect('2024-01-01 10:15:30').toMatch(TIME);
    expect('2024-01-01T10:30:00.000Z').toMatch(TIME);
  });
});
