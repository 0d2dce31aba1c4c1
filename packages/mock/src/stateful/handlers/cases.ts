// Tickets: create, list, read, count, contact details and scores (reference 5.3.1, 5.3.5, 5.3.6,
// 5.11.3, 5.11.4, 5.11.7, 5.11.9).
import { bodyOf, queryInteger, queryList, queryValue, type SandboxRequest } from '../exchange.js';
import { ACKNOWLEDGED, type Handler, page } from '../handler.js';
import { CASE_STATUSES, type CaseStatus, canBeRated } from '../lifecycle.js';
import type { AccessoryRef, CaseRecord, ContactRecord, SatisfactionRecord } from '../state.js';
import type { SandboxStore } from '../store.js';
import { caseDetail, caseSummary } from '../views.js';

interface CreateCasesBody {
  simple_description: string;
  is_authorized?: 0 | 1;
  remind_mobile?: string | null;
  remind_mail?: string | null;
  remind_time?: string;
  area_code?: string;
  accessory_ids?: string[];
}

type ContactBody = Pick<ContactRecord, 'area_code' | 'remind_mobile' | 'remind_mail' | 'remind_time'>;

interface ScoreBody {
  judgement?: string;
  incident_satisfaction_list?: SatisfactionRecord[];
}

/** The ticket named by the `case_id` path parameter. */
export function pathCase(request: SandboxRequest, store: SandboxStore): CaseRecord | undefined {
  return store.findCase(request.path.case_id);
}

/** The attachments behind `ids` as a message lists them, or undefined if one was never uploaded. */
export function attachmentRefs(store: SandboxStore, ids: readonly string[] = []): AccessoryRef[] | undefined {
  const refs: AccessoryRef[] = [];
  for (const id of ids) {
    const accessory = store.findAccessory(id);
    if (!accessory) return undefined;
    refs.push({ accessory_id: id, file_actual_name: accessory.file_name });
  }
  return refs;
}

/** The contact fields of a request body that carry a value (`null` and absent ones change nothing). */
function contactFields(body: ContactBody | { [K in keyof ContactBody]?: string | null }): ContactRecord {
  const contact: ContactRecord = {};
  for (const field of ['area_code', 'remind_mobile', 'remind_mail', 'remind_time'] as const) {
    const value = body[field];
    if (typeof value === 'string' && value !== '') contact[field] = value;
  }
  return contact;
}

/** 5.3.5: a new ticket, to be processed, whose description is its first message. */
export const createCases: Handler = (request, { store, fail }) => {
  const body = bodyOf<CreateCasesBody>(request);
  const attachments = attachmentRefs(store, body.accessory_ids);
  if (!attachments) return fail('accessoryInvalid');
  const now = store.timestamp();
  const record: CaseRecord = {
    incident_id: store.newCaseId(),
    status: 0,
    create_time: now,
    simple_description: body.simple_description,
    ...(body.is_authorized === undefined ? {} : { is_authorized: body.is_authorized }),
    incident_satisfaction: [],
    ext_info: contactFields(body),
    message_list: [],
    label_ids: [],
  };
  record.message_list.push({
    message_id: store.newMessageId(),
    type: 0,
    content: body.simple_description,
    create_time: now,
    is_first_message: 1,
    accessory_list: attachments,
  });
  store.addCase(record);
  return { json: { incident_id: record.incident_id } };
};

/** A time of a query or a record: epoch milliseconds, or `yyyy-MM-dd HH:mm:ss` / ISO 8601 (UTC unless stated). */
function parseTime(value: string): number | undefined {
  if (/^\d+$/.test(value)) return Number(value);
  const iso = value.replace(' ', 'T');
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(time) ? undefined : time;
}

/** The statuses of `incident_status`, a comma list (`0,1,17`); undefined when one is not a status. */
function statusList(value: string): CaseStatus[] | undefined {
  const statuses = value.split(',').map((s) => Number(s.trim()));
  return statuses.every((s) => CASE_STATUSES.includes(s as CaseStatus)) ? (statuses as CaseStatus[]) : undefined;
}

type CaseFilter = (record: CaseRecord) => boolean;

/** The filters of a `listCases` query, or undefined when a value cannot be understood. */
function caseFilters(request: SandboxRequest): CaseFilter[] | undefined {
  const filters: CaseFilter[] = [];
  const keywords = queryList(request, 'search_key')
    .flatMap((k) => k.toLowerCase().split(/\s+/))
    .filter(Boolean);
  if (keywords.length) {
    filters.push((c) => keywords.every((k) => `${c.incident_id} ${c.simple_description}`.toLowerCase().includes(k)));
  }
  const labels = queryList(request, 'label_id_list').map(Number);
  if (labels.length) filters.push((c) => labels.some((id) => c.label_ids.includes(id)));
  for (const [name, field] of [
    ['incident_id', 'incident_id'],
    ['x_customer_id', 'xcustomer_id'],
    ['x_customer_name', 'xcustomer_name'],
  ] as const) {
    const value = queryValue(request, name);
    if (value) filters.push((c) => c[field] === value);
  }
  const status = queryValue(request, 'status');
  if (status) filters.push((c) => c.status === Number(status));
  const statusesText = queryValue(request, 'incident_status');
  if (statusesText) {
    const statuses = statusList(statusesText);
    if (!statuses) return undefined;
    filters.push((c) => statuses.includes(c.status));
  }
  for (const [name, after] of [
    ['query_start_time', true],
    ['query_end_time', false],
  ] as const) {
    const text = queryValue(request, name);
    if (!text) continue;
    const bound = parseTime(text);
    if (bound === undefined) return undefined;
    filters.push((c) => {
      const created = parseTime(c.create_time);
      return created !== undefined && (after ? created >= bound : created <= bound);
    });
  }
  return filters;
}

/** Newest first, as a ticket list shows them. */
function newestFirst(a: CaseRecord, b: CaseRecord): number {
  return (parseTime(b.create_time) ?? 0) - (parseTime(a.create_time) ?? 0) || b.incident_id.localeCompare(a.incident_id);
}

/** 5.11.9: one page of the tickets matching the filters, newest first, and how many match. */
export const listCases: Handler = (request, { store, fail }) => {
  const filters = caseFilters(request);
  if (!filters) return fail('paramValidation');
  const matching = store.cases.filter((c) => filters.every((f) => f(c))).sort(newestFirst);
  const offset = queryInteger(request, 'offset', 0);
  const limit = queryInteger(request, 'limit', 10);
  return {
    json: {
      total_count: matching.length,
      incident_info_list: page(matching, offset, limit).map((c) => caseSummary(store, c)),
    },
  };
};

/** 5.11.4 */
export const showCaseDetail: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  return record ? { json: { incident_detail_info: caseDetail(record) } } : fail('caseNotFound');
};

/** 5.11.7 */
export const showCaseStatus: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  return record ? { json: { status: record.status } } : fail('caseNotFound');
};

/** 5.11.3: the number of tickets in each status (or in the one asked for). */
export const listCaseCounts: Handler = (request, { store }) => {
  const asked = queryValue(request, 'status');
  const statuses = asked ? [Number(asked) as CaseStatus] : CASE_STATUSES;
  return {
    json: {
      incident_status_counts: statuses.map((status) => ({ status, count: store.cases.filter((c) => c.status === status).length })),
    },
  };
};

/** 5.3.1: the given contact details replace the ticket's. */
export const updateCaseContactInfo: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  if (!record) return fail('caseNotFound');
  Object.assign(record.ext_info, contactFields(bodyOf<ContactBody>(request)));
  return ACKNOWLEDGED;
};

/** Records an evaluation: the comment and the ratings, replacing any earlier ones. */
export function recordScore(record: CaseRecord, body: ScoreBody): void {
  if (body.judgement !== undefined) record.judgement = body.judgement;
  if (body.incident_satisfaction_list) record.incident_satisfaction = body.incident_satisfaction_list.map((s) => ({ ...s }));
}

/** 5.3.6: rating a completed ticket. */
export const createScores: Handler = (request, { store, fail }) => {
  const record = pathCase(request, store);
  if (!record) return fail('caseNotFound');
  if (!canBeRated(record.status)) return fail('statusIllegal');
  recordScore(record, bodyOf<ScoreBody>(request));
  return ACKNOWLEDGED;
};
