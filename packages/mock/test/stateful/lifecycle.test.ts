import { describe, expect, test } from 'vitest';
import {
  ACTION_RULES,
  applyAction,
  CASE_STATUSES,
  type CaseAction,
  type CaseStatus,
  canBeRated,
  isOpen,
} from '../../src/stateful/lifecycle.js';

// The table written out by hand, status by status: what each operation leads to ('-' = not allowed).
const EXPECTED: Record<CaseStatus, Record<CaseAction, CaseStatus | 'deleted' | '-'>> = {
  0: { cancel: 4, close: 3, press: 0, delete: '-' },
  1: { cancel: 4, close: 3, press: 1, delete: '-' },
  2: { cancel: '-', close: 3, press: 2, delete: '-' },
  3: { cancel: '-', close: '-', press: '-', delete: 'deleted' },
  4: { cancel: '-', close: '-', press: '-', delete: 'deleted' },
  12: { cancel: '-', close: '-', press: '-', delete: 'deleted' },
  17: { cancel: 4, close: 3, press: 17, delete: '-' },
};

describe('ticket lifecycle', () => {
  test('the statuses are those of the spec, in its order', () => {
    expect(CASE_STATUSES).toEqual([0, 1, 2, 3, 4, 12, 17]);
  });

  const pairs = CASE_STATUSES.flatMap((status) => (Object.keys(ACTION_RULES) as CaseAction[]).map((action) => [action, status] as const));
  test.each(pairs)('%s on a ticket in status %i', (action, status) => {
    const expected = EXPECTED[status][action];
    const outcome = applyAction(action, status);
    if (expected === '-') expect(outcome).toBeUndefined();
    else if (expected === 'deleted') expect(outcome).toEqual({ deleted: true });
    else expect(outcome).toEqual({ status: expected });
  });

  test('every rule names the reference sections it rests on', () => {
    for (const rule of Object.values(ACTION_RULES)) expect(rule.reference).toMatch(/5\.3\.8/);
  });

  test('open tickets take messages; only completed ones can be rated', () => {
    expect(CASE_STATUSES.filter(isOpen)).toEqual([0, 1, 2, 17]);
    expect(CASE_STATUSES.filter(canBeRated)).toEqual([3]);
  });
});
