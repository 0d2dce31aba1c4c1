// The sandbox's data, in the API's own shapes so that a dump of the state (GET /__osm/state) can be
// saved and loaded again as a seed file. Everything is plain JSON.
import type { CaseStatus } from './lifecycle.js';

/** An attachment of a message, as `SimpleAccessoryV2`. */
export interface AccessoryRef {
  accessory_id: string;
  file_actual_name?: string;
}

/** A message of a ticket, as `IncidentMessageV2` (reference table 5-226). */
export interface MessageRecord {
  message_id: string;
  /** `0` the customer, `1` a Huawei engineer. */
  type: 0 | 1;
  content: string;
  create_time: string;
  replier?: string;
  replier_name?: string;
  /** `1` for the ticket's description, the message it starts with. */
  is_first_message: 0 | 1;
  accessory_list: AccessoryRef[];
}

/** A rating, as `IncidentSatisfactionV2Do`. */
export interface SatisfactionRecord {
  satisfaction_id: number;
  satisfaction_value: number;
  value?: number;
  satisfaction_name?: string;
  per_value?: number;
  sat_category_id?: string;
  sat_category_name?: string;
}

/** Contact details of a ticket, as `IncidentDetailExtInfoV2`. */
export interface ContactRecord {
  area_code?: string;
  remind_mobile?: string;
  remind_mail?: string;
  contact_type?: string;
  remind_time?: string;
  cc_email?: string;
  commodity_id?: string;
}

/**
 * A service ticket: the fields of `IncidentDetailInfoV2` (reference table 5-225) it has, plus the IDs
 * of the labels attached to it.
 */
export interface CaseRecord {
  incident_id: string;
  status: CaseStatus;
  /** `yyyy-MM-dd HH:mm:ss`, UTC. */
  create_time: string;
  simple_description: string;
  business_type_name?: string;
  incident_type_name?: string;
  customer_id?: string;
  xcustomer_id?: string;
  xcustomer_name?: string;
  dc_name?: string;
  source_name?: string;
  severity_name?: string;
  is_authorized?: 0 | 1;
  business_ownership?: 0 | 1 | 2;
  resolve_time?: number;
  judgement?: string;
  incident_satisfaction: SatisfactionRecord[];
  ext_info: ContactRecord;
  message_list: MessageRecord[];
  label_ids: number[];
}

/** A label, as `CaseLabelInfo`. */
export interface LabelRecord {
  label_id: number;
  name: string;
  color: string;
}

/** An uploaded attachment: its name, type and bytes (Base64, so the state stays JSON). */
export interface AccessoryRecord {
  accessory_id: string;
  file_name: string;
  media_type: string;
  content_base64: string;
}

/** Everything one sandbox holds. */
export interface SandboxState {
  cases: CaseRecord[];
  labels: LabelRecord[];
  accessories: AccessoryRecord[];
}
