// The life of a service ticket in the sandbox: which operation of 5.3.8 ("Service Ticket Operations")
// is allowed in which status, and where it leads.
//
// The reference names the statuses and their meanings (5.3.7, 5.11.7, 5.11.9: 0 to be processed,
// 1 processing, 2 to be confirmed, 3 completed, 4 canceled, 12 invalid, 17 pending feedback), the four
// operations (5.3.8 and 6.9: cancel, close, press = urge, delete) and the business error for an
// operation the status does not allow (7.1, OSM.01010034 "The status is illegal for this operation.").
// It gives no table of which operation is allowed where; the table below follows the meanings:
// an open ticket (0, 1, 2, 17) can be urged, closed or (before Huawei proposes a resolution) canceled;
// a finished one (3, 4, 12) can only be deleted. Moves made by Huawei's engineers (0 -> 1 -> 2, 17,
// 12) have no API; a seed (or POST /__osm/reset with one) puts tickets in those statuses.

/** A ticket status (`CaseStatus` in the spec). */
export type CaseStatus = 0 | 1 | 2 | 3 | 4 | 12 | 17;

/** Every status, in the spec's order. */
export const CASE_STATUSES: readonly CaseStatus[] = [0, 1, 2, 3, 4, 12, 17];

/** An operation of `POST /v2/servicerequest/cases/{case_id}/action` (query `action_id`). */
export type CaseAction = 'cancel' | 'close' | 'press' | 'delete';

/** Where an allowed operation leads: a new status, the same one (`press`), or the ticket's removal. */
export type ActionOutcome = { status: CaseStatus } | { deleted: true };

/** One row of the table: the statuses an operation is allowed in and what it does there. */
interface ActionRule {
  from: readonly CaseStatus[];
  /** The status after the operation; `'same'` keeps it, `'deleted'` removes the ticket. */
  to: CaseStatus | 'same' | 'deleted';
  /** The reference's words for the operation. */
  reference: string;
}

const OPEN: readonly CaseStatus[] = [0, 1, 2, 17];
const FINISHED: readonly CaseStatus[] = [3, 4, 12];

/** The transition table (see the comment at the top of this file). */
export const ACTION_RULES: Readonly<Record<CaseAction, ActionRule>> = {
  // Withdraw a request Huawei has not answered yet; once a resolution waits for confirmation (2) the
  // customer closes instead.
  cancel: { from: [0, 1, 17], to: 4, reference: '5.3.8, 6.9: cancel; 5.11.7: 4 Canceled' },
  // The customer ends the ticket; 6.8: evaluation follows completion.
  close: { from: OPEN, to: 3, reference: '5.3.8, 6.9: close; 5.11.7: 3 Completed' },
  // Urging leaves the status as it is; there is nothing to urge on a finished ticket.
  press: { from: OPEN, to: 'same', reference: '5.3.8, 6.9: press (urge); 7.1: OSM.01010004, OSM.01010022' },
  delete: { from: FINISHED, to: 'deleted', reference: '5.3.8, 6.9: delete' },
};

/** Whether a ticket in `status` can still be worked on: messages, urging, closing. */
export function isOpen(status: CaseStatus): boolean {
  return OPEN.includes(status);
}

/** What `action` does to a ticket in `status`, or undefined when the status does not allow it. */
export function applyAction(action: CaseAction, status: CaseStatus): ActionOutcome | undefined {
  const rule = ACTION_RULES[action];
  if (!rule.from.includes(status)) return undefined;
  if (rule.to === 'deleted') return { deleted: true };
  return { status: rule.to === 'same' ? status : rule.to };
}

/**
 * Whether a ticket in `status` can be rated (`createScores`, 5.3.6): only once it is completed
 * (6.8: "After the service ticket processing is complete, users can evaluate the service").
 */
export function canBeRated(status: CaseStatus): boolean {
  return status === 3;
}
