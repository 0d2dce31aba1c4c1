// What a sandbox starts from: the spec's own examples, or a seed (a JSON file in the format of
// GET /__osm/state). A seed is checked against the spec's schemas before it is used, so that a bad
// file fails at start with the field it got wrong, not later with an invalid answer.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { MAX_NESTING, nestsDeeperThan } from '../engine/nesting.js';
import { formatTime } from './identifiers.js';
import type { CaseStatus } from './lifecycle.js';
import { ATTACHMENT_MAX_BYTES, CASE_LABEL_LIMIT, sizeText, TENANT_LABEL_LIMIT } from './limits.js';
import type { AccessoryRecord, CaseRecord, LabelRecord, MessageRecord, SandboxState } from './state.js';
import { heldBytes } from './store.js';

/** A seed as written by hand: like {@link SandboxState}, but most fields of a ticket may be left out. */
export interface SandboxSeed {
  cases?: (Partial<CaseRecord> & {
    incident_id: string;
    status: CaseStatus;
    message_list?: (Partial<MessageRecord> & { message_id: string })[];
  })[];
  labels?: LabelRecord[];
  accessories?: AccessoryRecord[];
}

/** A bundled OpenAPI document, as far as the seed needs it. */
export interface SpecDocument {
  paths?: Record<string, Record<string, unknown>>;
  components?: { schemas?: Record<string, unknown>; examples?: Record<string, { value?: unknown }> };
}

/** Raised for a seed that does not fit its format. */
export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

const spec = (name: string) => ({ $ref: `openapi#/components/schemas/${name}` });

/** The seed format, built on the spec's schemas. */
const SEED_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cases: {
      type: 'array',
      items: {
        allOf: [
          spec('IncidentDetailInfoV2'),
          {
            type: 'object',
            required: ['incident_id', 'status'],
            properties: {
              incident_id: { type: 'string', minLength: 1, maxLength: 64 },
              create_time: { type: 'string', minLength: 1 },
              label_ids: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 65535 } },
              message_list: { type: 'array', items: { type: 'object', required: ['message_id'] } },
            },
          },
        ],
      },
    },
    labels: {
      type: 'array',
      items: {
        allOf: [
          spec('CaseLabelInfo'),
          { type: 'object', required: ['label_id', 'name', 'color'], properties: { label_id: { maximum: 65535 } } },
        ],
      },
    },
    accessories: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['accessory_id', 'file_name', 'media_type', 'content_base64'],
        properties: {
          accessory_id: { type: 'string', minLength: 1, maxLength: 32 },
          file_name: { type: 'string', minLength: 1, maxLength: 256 },
          media_type: { type: 'string', minLength: 1 },
          content_base64: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' },
        },
      },
    },
  },
};

function describe(errors: ErrorObject[] | null | undefined): string {
  const first = errors?.find((e) => e.keyword !== 'allOf') ?? errors?.[0];
  if (!first) return 'not a valid seed';
  const where = first.instancePath.replace(/^\//, '').replaceAll('/', '.') || 'the seed';
  return `${where}: ${first.message ?? 'is invalid'}`;
}

function duplicate<T>(values: Iterable<T>): T | undefined {
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}

/** The bytes of a Base64 text, without decoding it. */
function base64Bytes(text: string): number {
  return Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
}

/** Checks cross-references the schema cannot (unique IDs, labels that exist) and OSM's limits (limits.ts). */
function checkReferences(state: SandboxState, maxBytes: number): void {
  const caseId = duplicate(state.cases.map((c) => c.incident_id));
  if (caseId !== undefined) throw new SeedError(`cases: the ticket ID ${caseId} appears twice`);
  if (state.labels.length > TENANT_LABEL_LIMIT)
    throw new SeedError(`labels: ${state.labels.length} labels, more than OSM's ${TENANT_LABEL_LIMIT} per tenant (OSM.01010041)`);
  const labelIds = new Set(state.labels.map((l) => l.label_id));
  const labelId = duplicate(state.labels.map((l) => l.label_id));
  if (labelId !== undefined) throw new SeedError(`labels: the label ID ${labelId} appears twice`);
  const labelName = duplicate(state.labels.map((l) => l.name));
  if (labelName !== undefined) throw new SeedError(`labels: the label name "${labelName}" appears twice`);
  const accessoryId = duplicate(state.accessories.map((a) => a.accessory_id));
  if (accessoryId !== undefined) throw new SeedError(`accessories: the attachment ID ${accessoryId} appears twice`);
  const large = state.accessories.find((a) => base64Bytes(a.content_base64) > ATTACHMENT_MAX_BYTES);
  if (large)
    throw new SeedError(
      `accessories: attachment ${large.accessory_id} has ${sizeText(base64Bytes(large.content_base64))}, more than OSM's ${sizeText(ATTACHMENT_MAX_BYTES)} per attachment (OSM.01010005)`,
    );
  const messageId = duplicate(state.cases.flatMap((c) => c.message_list.map((m) => m.message_id)));
  if (messageId !== undefined) throw new SeedError(`cases: the message ID ${messageId} appears twice`);
  for (const record of state.cases) {
    const unknown = record.label_ids.find((id) => !labelIds.has(id));
    if (unknown !== undefined) throw new SeedError(`cases: ticket ${record.incident_id} carries label ${unknown}, which is not in labels`);
    if (record.label_ids.length > CASE_LABEL_LIMIT)
      throw new SeedError(
        `cases: ticket ${record.incident_id} carries ${record.label_ids.length} labels, more than OSM's ${CASE_LABEL_LIMIT} per ticket (OSM.01010042)`,
      );
  }
  const bytes = heldBytes(
    state,
    state.accessories.reduce((sum, a) => sum + base64Bytes(a.content_base64), 0),
  );
  if (bytes > maxBytes) throw new SeedError(`the seed holds ${sizeText(bytes)}, more than the mock's store takes (${sizeText(maxBytes)})`);
}

/**
 * A seed with every left-out field filled in (times default to `now`): a copy, down to its nested lists
 * and objects, so that the store never shares an object with the caller's seed.
 */
function complete(seed: SandboxSeed, now: Date): SandboxState {
  const time = formatTime(now);
  return {
    cases: (seed.cases ?? []).map((c) => ({
      ...c,
      create_time: c.create_time ?? time,
      simple_description: c.simple_description ?? '',
      incident_satisfaction: (c.incident_satisfaction ?? []).map((s) => ({ ...s })),
      ext_info: { ...c.ext_info },
      label_ids: [...new Set(c.label_ids ?? [])],
      message_list: (c.message_list ?? []).map((m) => ({
        ...m,
        type: m.type ?? 0,
        content: m.content ?? '',
        create_time: m.create_time ?? time,
        is_first_message: m.is_first_message ?? 0,
        accessory_list: (m.accessory_list ?? []).map((a) => ({ ...a })),
      })),
    })),
    labels: (seed.labels ?? []).map((l) => ({ ...l })),
    accessories: (seed.accessories ?? []).map((a) => ({ ...a })),
  };
}

/** A seed check, compiled once per spec document (compiling takes a few hundred milliseconds). */
const checkers = new WeakMap<SpecDocument, ValidateFunction>();

function compileSeedSchema(document: SpecDocument): ValidateFunction {
  let validate = checkers.get(document);
  if (!validate) {
    // Formats (int32, byte, ...) are OpenAPI's; the seed's types and ranges are what matters here.
    const ajv = new Ajv({ strict: false, validateFormats: false });
    ajv.addSchema({ components: document.components ?? {} }, 'openapi');
    validate = ajv.compile(SEED_SCHEMA);
    checkers.set(document, validate);
  }
  return validate;
}

/** The check of a seed against `document`'s schemas and the store's size: the complete state, or a `SeedError`. */
export function seedChecker(document: SpecDocument, maxBytes: number): (seed: unknown, now: Date) => SandboxState {
  const validate = compileSeedSchema(document);
  return (seed, now) => {
    // Before the schema check: it, and every later copy of the seed, walks it recursively.
    if (nestsDeeperThan(seed, MAX_NESTING)) throw new SeedError(`Invalid seed: it nests objects and arrays more than ${MAX_NESTING} deep`);
    if (!validate(seed)) throw new SeedError(`Invalid seed: ${describe(validate.errors)}`);
    const state = complete(seed as SandboxSeed, now);
    checkReferences(state, maxBytes);
    return state;
  };
}

/** The `success` example of the operation `operationId`'s JSON 200 response. */
function successExample(document: SpecDocument, operationId: string): Record<string, unknown> {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item) as {
      operationId?: string;
      responses?: Record<string, { content?: Record<string, { examples?: Record<string, { $ref?: string; value?: unknown }> }> }>;
    }[]) {
      if (operation?.operationId !== operationId) continue;
      const example = operation.responses?.['200']?.content?.['application/json']?.examples?.success;
      const value = example?.$ref ? document.components?.examples?.[example.$ref.split('/').pop() ?? '']?.value : example?.value;
      return structuredClone((value ?? {}) as Record<string, unknown>);
    }
  }
  return {};
}

/**
 * The seed the spec's examples make: the tickets of the `listCases` and `showCaseDetail` examples
 * (one ticket when they share an ID), the labels of the `listLabels` example and those the tickets carry.
 */
export function seedFromExamples(document: SpecDocument): SandboxSeed {
  type ListedCase = Record<string, unknown> & { incident_id: string; label_list?: LabelRecord[] };
  const listed = (successExample(document, 'listCases').incident_info_list ?? []) as ListedCase[];
  const detail = successExample(document, 'showCaseDetail').incident_detail_info as Record<string, unknown> | undefined;
  const labels = new Map<number, LabelRecord>();
  for (const label of (successExample(document, 'listLabels').label_list ?? []) as LabelRecord[]) labels.set(label.label_id, label);
  const cases = new Map<string, Record<string, unknown>>();
  for (const { label_list = [], ...fields } of listed) {
    for (const label of label_list) if (!labels.has(label.label_id)) labels.set(label.label_id, label);
    cases.set(fields.incident_id, { ...fields, label_ids: label_list.map((l) => l.label_id) });
  }
  if (detail && typeof detail.incident_id === 'string') cases.set(detail.incident_id, { ...cases.get(detail.incident_id), ...detail });
  return { cases: [...cases.values()] as SandboxSeed['cases'], labels: [...labels.values()] };
}
