// 5.3.8: cancel, close, urge (press) or delete a ticket, as the lifecycle table allows.
import { bodyOf, queryValue } from '../exchange.js';
import { ACKNOWLEDGED, type Handler } from '../handler.js';
import { applyAction, type CaseAction } from '../lifecycle.js';
import type { SatisfactionRecord } from '../state.js';
import { pathCase, recordScore } from './cases.js';

interface ActionBody {
  judgement?: string;
  incident_satisfaction_list?: SatisfactionRecord[];
}

/** Applies `action_id`; closing may carry the evaluation (`judgement`, ratings) with it. */
export const updateCases: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  if (!record) return fail('caseNotFound');
  const action = queryValue(request, 'action_id') as CaseAction;
  const outcome = applyAction(action, record.status);
  if (!outcome) return fail('statusIllegal');
  if ('deleted' in outcome) {
    store.removeCase(record);
    return ACKNOWLEDGED;
  }
  record.status = outcome.status;
  if (action === 'close') recordScore(record, bodyOf<ActionBody>(request));
  return ACKNOWLEDGED;
};
