// The store's records as the API shows them. Where a response table allows less than a request
// table (a contact's area code: 32 characters in, 16 out; a message in a list: 2000 in, 400 out), the
// answer is cut to the response's limit, so that every answer stays valid against the spec.
import type { CaseRecord, ContactRecord, LabelRecord, MessageRecord } from './state.js';
import type { SandboxStore } from './store.js';

const SUMMARY_FIELDS = [
  'xcustomer_id',
  'xcustomer_name',
  'status',
  'incident_id',
  'business_type_name',
  'incident_type_name',
  'customer_id',
  'dc_name',
  'simple_description',
  'create_time',
] as const;

/** A label as `LabelInfo` / `CaseLabelInfo`. */
export function labelView(label: LabelRecord): LabelRecord {
  return { label_id: label.label_id, name: label.name, color: label.color };
}

/** The labels attached to a ticket (those that still exist). */
export function caseLabels(store: SandboxStore, record: CaseRecord): LabelRecord[] {
  return record.label_ids.flatMap((id) => {
    const label = store.findLabel(id);
    return label ? [labelView(label)] : [];
  });
}

/** A ticket as `IncidentInfoV2`, the entry of a ticket list. */
export function caseSummary(store: SandboxStore, record: CaseRecord): Record<string, unknown> {
  const summary: Record<string, unknown> = {};
  for (const field of SUMMARY_FIELDS) if (record[field] !== undefined) summary[field] = record[field];
  return { ...summary, label_list: caseLabels(store, record) };
}

function contactView(contact: ContactRecord): ContactRecord {
  return contact.area_code === undefined ? { ...contact } : { ...contact, area_code: contact.area_code.slice(0, 16) };
}

/** A ticket as `IncidentDetailInfoV2`. */
export function caseDetail(record: CaseRecord): Record<string, unknown> {
  const { label_ids: _labels, ext_info, message_list, incident_satisfaction, ...fields } = record;
  return {
    ...fields,
    message_list: message_list.map((m) => ({ ...m, accessory_list: m.accessory_list.map((a) => ({ ...a })) })),
    incident_satisfaction: incident_satisfaction.map((s) => ({ ...s })),
    ext_info: contactView(ext_info),
  };
}

/** A message as `QueryMessageInfoV2`, the entry of a message list. */
export function messageView(message: MessageRecord): Record<string, unknown> {
  const { message_id: _id, content, accessory_list, ...fields } = message;
  return { ...fields, content: content.slice(0, 400), accessory_list: accessory_list.map((a) => ({ ...a })) };
}
