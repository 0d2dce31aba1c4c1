// Random sequences of operations, with a fixed seed: whatever the order, the store keeps its invariants.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { CaseStatus } from '../../src/stateful/lifecycle.js';
import type { SandboxState } from '../../src/stateful/state.js';
import { sandboxClient } from '../support/sandbox-client.js';

const CASES = '/v2/servicerequest/cases';
const LABELS = '/v2/servicerequest/labels';

// Written out independently of lifecycle.ts: every status change an operation may make.
const ALLOWED_MOVES = new Set(['0>4', '1>4', '17>4', '0>3', '1>3', '2>3', '17>3']);
const DELETABLE = new Set<CaseStatus>([3, 4, 12]);

const index = fc.nat({ max: 9 });
const operation = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), text: fc.constantFrom('disk', 'network', 'login') }),
  fc.record({ kind: fc.constant('action' as const), target: index, action: fc.constantFrom('cancel', 'close', 'press', 'delete') }),
  fc.record({ kind: fc.constant('createLabel' as const), name: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g') }),
  fc.record({ kind: fc.constant('deleteLabel' as const), target: index }),
  fc.record({ kind: fc.constant('renameLabel' as const), target: index, name: fc.constantFrom('a', 'x', 'y') }),
  fc.record({ kind: fc.constant('attach' as const), target: index, labels: fc.array(index, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('detach' as const), target: index, labels: fc.array(index, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('message' as const), target: index }),
  fc.record({ kind: fc.constant('score' as const), target: index }),
  fc.record({
    kind: fc.constant('list' as const),
    status: fc.option(fc.constantFrom<CaseStatus>(0, 1, 2, 3, 4, 12, 17)),
    label: fc.option(index),
    offset: fc.nat({ max: 6 }),
    limit: fc.integer({ min: 0, max: 4 }),
  }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** A ticket in every status, so that every transition can be tried from the start. */
const SEED = {
  labels: [{ label_id: 1, name: 'seeded', color: '#123456' }],
  cases: ([0, 1, 2, 3, 4, 12, 17] as const).map((status, i) => ({
    incident_id: `CS2025010100000${i}`,
    status,
    label_ids: i % 2 ? [1] : [],
  })),
};

/** An existing ID picked by `i` (or, past the end, one that does not exist). */
function pick<T>(items: readonly T[], i: number, missing: T): T {
  return i < items.length ? items[i]! : missing;
}

test('random operation sequences keep the invariants (fixed seed)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(operation, { maxLength: 30 }), async (operations: Operation[]) => {
      const { sandbox, call } = sandboxClient({ seed: SEED });
      const deletedLabels = new Set<number>();
      let before: SandboxState = sandbox.state();
      for (const op of operations) {
        const caseIds = before.cases.map((c) => c.incident_id);
        const labelIds = before.labels.map((l) => l.label_id);
        const caseId = 'target' in op ? pick(caseIds, op.target, 'CS-missing') : '';
        switch (op.kind) {
          case 'create':
            await call('POST', CASES, { json: { business_type_id: 'b', simple_description: op.text, source_id: 's' } });
            break;
          case 'action':
            await call('POST', `${CASES}/${caseId}/action?action_id=${op.action}`, { json: {} });
            break;
          case 'createLabel':
            await call('POST', LABELS, { json: { name: op.name, color: '#000000' } });
            break;
          case 'deleteLabel': {
            const id = pick(labelIds, op.target, 999);
            if ((await call('DELETE', `${LABELS}/${id}`)).json.error_code === undefined) deletedLabels.add(id);
            break;
          }
          case 'renameLabel':
            await call('PUT', `${LABELS}/${pick(labelIds, op.target, 999)}`, { json: { name: op.name, color: '#ffffff' } });
            break;
          case 'attach':
          case 'detach':
            await call(
              op.kind === 'attach' ? 'POST' : 'DELETE',
              `${CASES}/${caseId}/labels?label_ids=${op.labels.map((i) => pick(labelIds, i, 999)).join(',')}`,
            );
            break;
          case 'message':
            await call('POST', `${CASES}/${caseId}/message`, { json: { message: { content: 'hi' } } });
            break;
          case 'score':
            await call('POST', `${CASES}/${caseId}/score`, {
              json: { judgement: 'ok', incident_satisfaction_list: [{ satisfaction_id: 1, satisfaction_value: 5 }] },
            });
            break;
          case 'list': {
            const label = op.label === null ? undefined : pick(labelIds, op.label, 999);
            const query = new URLSearchParams({ offset: String(op.offset), limit: String(op.limit) });
            if (op.status !== null) query.set('status', String(op.status));
            if (label !== undefined) query.set('label_id_list', String(label));
            const list = (await call('GET', `${CASES}?${query}`)).json;
            const matching = before.cases.filter(
              (c) => (op.status === null || c.status === op.status) && (label === undefined || c.label_ids.includes(label)),
            );
            expect(list.total_count).toBe(matching.length);
            expect(list.incident_info_list).toHaveLength(Math.max(0, Math.min(op.limit, matching.length - op.offset)));
            break;
          }
        }
        const after = sandbox.state();
        // Status moves only along the table; tickets go away only from a finished status; new ones start at 0.
        for (const old of before.cases) {
          const now = after.cases.find((c) => c.incident_id === old.incident_id);
          if (!now) expect(DELETABLE.has(old.status), `deleted from status ${old.status}`).toBe(true);
          else if (now.status !== old.status)
            expect(ALLOWED_MOVES.has(`${old.status}>${now.status}`), `${old.status} -> ${now.status}`).toBe(true);
        }
        for (const added of after.cases.filter((c) => !caseIds.includes(c.incident_id))) expect(added.status).toBe(0);
        // A deleted label never appears again, anywhere; no ticket carries more than 5 labels; names stay unique.
        const everyList = [
          (await call('GET', `${LABELS}?limit=100`)).json.label_list,
          ...(await call('GET', `${CASES}?limit=100`)).json.incident_info_list.map((c: { label_list: unknown[] }) => c.label_list),
        ].flat();
        for (const label of everyList as { label_id: number }[]) expect(deletedLabels.has(label.label_id)).toBe(false);
        for (const c of after.cases) for (const id of c.label_ids) expect(deletedLabels.has(id)).toBe(false);
        expect(after.cases.every((c) => c.label_ids.length <= 5)).toBe(true);
        expect(new Set(after.labels.map((l) => l.name)).size).toBe(after.labels.length);
        // The unfiltered count is every ticket; the per-status counts add up to it.
        expect((await call('GET', `${CASES}?limit=0`)).json.total_count).toBe(after.cases.length);
        const counts = (await call('GET', `${CASES}/count`)).json.incident_status_counts as { count: number }[];
        expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(after.cases.length);
        before = after;
      }
    }),
    { seed: 20_260_102, numRuns: 100 },
  );
});
