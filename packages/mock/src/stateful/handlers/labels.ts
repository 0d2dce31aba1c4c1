// Labels: the tenant's own (5.9.1-5.9.4) and those attached to tickets (5.9.5-5.9.7). Limits from 7.1:
// at most 30 labels per tenant (OSM.01010041), 5 per ticket (OSM.01010042), names unique (OSM.01010040).
import { bodyOf, queryInteger, queryList, queryValue, type SandboxAnswer, type SandboxRequest } from '../exchange.js';
import { ACKNOWLEDGED, type Handler, type HandlerContext, page } from '../handler.js';
import { CASE_LABEL_LIMIT, TENANT_LABEL_LIMIT } from '../limits.js';
import type { CaseRecord } from '../state.js';
import { caseLabels, labelView } from '../views.js';
import { pathCase } from './cases.js';

interface LabelBody {
  name: string;
  color: string;
}

function pathLabelId(request: SandboxRequest): number {
  return Number(request.path.label_id);
}

/** 5.9.1 */
export const createLabels: Handler = (request, { store, fail }) => {
  const { name, color } = bodyOf<LabelBody>(request);
  if (store.labels.some((l) => l.name === name)) return fail('labelNameExists');
  if (store.labels.length >= TENANT_LABEL_LIMIT) return fail('tenantLabelLimit');
  store.addLabel({ label_id: store.newLabelId(), name, color });
  return ACKNOWLEDGED;
};

/** 5.9.2: one page of the labels, by ID, optionally those whose name contains `name` or the one `label_id`. */
export const listLabels: Handler = (request, { store }) => {
  const name = queryValue(request, 'name');
  const id = queryValue(request, 'label_id');
  const matching = store.labels
    .filter((l) => (!name || l.name.includes(name)) && (id === undefined || l.label_id === Number(id)))
    .sort((a, b) => a.label_id - b.label_id);
  const offset = queryInteger(request, 'offset', 0);
  const limit = queryInteger(request, 'limit', 10);
  return { json: { total_count: matching.length, label_list: page(matching, offset, limit).map(labelView) } };
};

/** 5.9.4 */
export const updateLabels: Handler = (request, { store, fail }) => {
  const label = store.findLabel(pathLabelId(request));
  if (!label) return fail('labelNotFound');
  const { name, color } = bodyOf<LabelBody>(request);
  if (store.labels.some((l) => l !== label && l.name === name)) return fail('labelNameExists');
  Object.assign(label, { name, color });
  return ACKNOWLEDGED;
};

/** 5.9.3: the label goes, and with it from every ticket carrying it. */
export const deleteLabels: Handler = (request, { store, fail }) => {
  const label = store.findLabel(pathLabelId(request));
  if (!label) return fail('labelNotFound');
  store.removeLabel(label);
  for (const record of store.cases) record.label_ids = record.label_ids.filter((id) => id !== label.label_id);
  return ACKNOWLEDGED;
};

/** 5.9.5 */
export const listCaseLabels: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  return record ? { json: { case_label_list: caseLabels(store, record) } } : fail('caseNotFound');
};

/** The ticket of the path and the labels of `label_ids`, or the business error when one of them does not exist. */
function ticketAndLabels(
  request: SandboxRequest,
  { store, fail }: HandlerContext,
): { record: CaseRecord; ids: number[] } | { error: SandboxAnswer } {
  const record = pathCase(request, store);
  if (!record) return { error: fail('caseNotFound') };
  const ids = queryList(request, 'label_ids').map(Number);
  if (!ids.every((id) => store.findLabel(id))) return { error: fail('labelNotFound') };
  return { record, ids };
}

/** 5.9.6: attaching a label the ticket already carries changes nothing. */
export const createCaseLabels: Handler = (request, context) => {
  const found = ticketAndLabels(request, context);
  if ('error' in found) return found.error;
  const attached = [...new Set([...found.record.label_ids, ...found.ids])];
  if (attached.length > CASE_LABEL_LIMIT) return context.fail('caseLabelLimit');
  found.record.label_ids = attached;
  return ACKNOWLEDGED;
};

/** 5.9.7: detaching a label the ticket does not carry changes nothing; an unknown label is an error. */
export const deleteCaseLabels: Handler = (request, context) => {
  const found = ticketAndLabels(request, context);
  if ('error' in found) return found.error;
  found.record.label_ids = found.record.label_ids.filter((id) => !found.ids.includes(id));
  return ACKNOWLEDGED;
};
