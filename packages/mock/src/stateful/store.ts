// One sandbox's data and the lookups and ID sequences every operation needs. Attachments are held as
// bytes (Base64 only in the state's JSON), and the store keeps count of its size and of the day's uploads
// so that the sandbox can apply its limits (limits.ts).
import { fromBase64, toBase64 } from './base64.js';
import { formatTime, newCaseId, nextNumber, trailingNumber } from './identifiers.js';
import type { CaseRecord, LabelRecord, MessageRecord, SandboxState } from './state.js';

/** An attachment as held: its bytes, never changed once uploaded (copies of the store share them). */
export interface HeldAccessory {
  accessory_id: string;
  file_name: string;
  media_type: string;
  bytes: Uint8Array;
}

interface Held {
  cases: CaseRecord[];
  labels: LabelRecord[];
  accessories: HeldAccessory[];
}

/** The highest IDs a store has handed out (or found in its seed), and every ticket ID. */
interface IssuedIds {
  cases: Set<string>;
  label: number;
  message: number;
  accessory: number;
}

function issuedIn(seed: Held): IssuedIds {
  return {
    cases: new Set(seed.cases.map((c) => c.incident_id)),
    label: nextNumber(seed.labels.map((l) => l.label_id)) - 1,
    message: nextNumber(seed.cases.flatMap((c) => c.message_list.map((m) => trailingNumber(m.message_id)))) - 1,
    // Attachment IDs are numbers above 100000, like the spec's example `123456`.
    accessory: nextNumber([100_000, ...seed.accessories.map((a) => trailingNumber(a.accessory_id))]) - 1,
  };
}

/** A copy whose records can be changed without touching `held` (attachments' bytes are shared: they never change). */
function copyHeld(held: Held): Held {
  return { cases: structuredClone(held.cases), labels: structuredClone(held.labels), accessories: held.accessories.map((a) => ({ ...a })) };
}

/** What a record weighs in the store: its JSON size. */
const weight = (record: unknown) => JSON.stringify(record).length;

/** The size of everything held: the records' JSON and the attachments' bytes. */
export function heldBytes(state: { cases: unknown[]; labels: unknown[] }, attachmentBytes: number): number {
  return weight(state.cases) + weight(state.labels) + attachmentBytes;
}

/** A seed as held (the store takes its records: seed.ts made them for it), and its size. */
function hold(state: SandboxState): [Held, number] {
  const accessories = state.accessories.map(({ content_base64, ...fields }) => ({ ...fields, bytes: fromBase64(content_base64) }));
  const held = { cases: state.cases, labels: state.labels, accessories };
  return [
    held,
    heldBytes(
      state,
      accessories.reduce((sum, a) => sum + a.bytes.byteLength, 0),
    ),
  ];
}

/** The JSON of an array in pieces of about a MiB (or one item, when larger). */
function* jsonArray<T>(items: readonly T[], json: (item: T) => string): Generator<string> {
  const PIECE = 1024 * 1024;
  let piece = '[';
  for (const [index, item] of items.entries()) {
    piece += `${index ? ',' : ''}${json(item)}`;
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}]`;
}

/** The in-memory store of one sandbox. */
export class SandboxStore {
  private seed: Held;
  private held: Held;
  /** The IDs in use or handed out since the last reset: an ID is never given twice, even after a deletion. */
  private issued: IssuedIds;
  private seedBytes: number;
  /** The size of what is held (see {@link heldBytes}); what is added since the reset counts, what is deleted is not taken off. */
  private bytes: number;
  private uploads = { day: '', bytes: 0 };

  constructor(
    seed: SandboxState,
    /** The clock; tests pass a fixed one. */
    readonly now: () => Date = () => new Date(),
  ) {
    [this.seed, this.seedBytes] = hold(seed);
    this.held = copyHeld(this.seed);
    this.issued = issuedIn(this.seed);
    this.bytes = this.seedBytes;
  }

  /** Back to the seed; with a new seed, to that one, which later resets then return to as well. */
  reset(seed?: SandboxState): void {
    if (seed) {
      // What was held goes first, so that the old store and the new seed are never in memory together.
      this.held = this.seed = { cases: [], labels: [], accessories: [] };
      [this.seed, this.seedBytes] = hold(seed);
    }
    this.held = copyHeld(this.seed);
    this.issued = issuedIn(this.seed);
    this.bytes = this.seedBytes;
    this.uploads = { day: '', bytes: 0 };
  }

  /** A copy of everything held, in the seed format. */
  snapshot(): SandboxState {
    return JSON.parse([...this.dump()].join('')) as SandboxState;
  }

  /**
   * Everything held as JSON in the seed format, in pieces of about a MiB made as they are read: a dump of
   * the whole store, attachments in Base64, is never in memory at once.
   */
  *dump(): Generator<string> {
    const { cases, labels, accessories } = this.held;
    yield '{"cases":';
    yield* jsonArray(cases, (record) => JSON.stringify(record));
    yield ',"labels":';
    yield* jsonArray(labels, (label) => JSON.stringify(label));
    yield ',"accessories":';
    yield* jsonArray(accessories, ({ bytes, ...fields }) => JSON.stringify({ ...fields, content_base64: toBase64(bytes) }));
    yield '}';
  }

  /** The size of what is held, in bytes (see {@link heldBytes}). */
  get size(): number {
    return this.bytes;
  }

  get cases(): readonly CaseRecord[] {
    return this.held.cases;
  }

  get labels(): readonly LabelRecord[] {
    return this.held.labels;
  }

  findCase(id: string | undefined): CaseRecord | undefined {
    return this.held.cases.find((c) => c.incident_id === id);
  }

  findLabel(id: number): LabelRecord | undefined {
    return this.held.labels.find((l) => l.label_id === id);
  }

  findAccessory(id: string | undefined): HeldAccessory | undefined {
    return this.held.accessories.find((a) => a.accessory_id === id);
  }

  addCase(record: CaseRecord): void {
    this.held.cases.push(record);
    this.bytes += weight(record);
  }

  removeCase(record: CaseRecord): void {
    this.held.cases.splice(this.held.cases.indexOf(record), 1);
  }

  addMessage(record: CaseRecord, message: MessageRecord): void {
    record.message_list.push(message);
    this.bytes += weight(message);
  }

  addLabel(label: LabelRecord): void {
    this.held.labels.push(label);
    this.bytes += weight(label);
  }

  removeLabel(label: LabelRecord): void {
    this.held.labels.splice(this.held.labels.indexOf(label), 1);
  }

  /** Bytes uploaded today (UTC) since the last reset. */
  uploadedToday(): number {
    return this.uploads.day === this.today() ? this.uploads.bytes : 0;
  }

  /** Keeps an uploaded file under a new ID, counting it against the day's uploads. */
  addAccessory(file_name: string, media_type: string, bytes: Uint8Array): HeldAccessory {
    const accessory = { accessory_id: this.newAccessoryId(), file_name, media_type, bytes };
    this.held.accessories.push(accessory);
    this.uploads = { day: this.today(), bytes: this.uploadedToday() + bytes.byteLength };
    this.bytes += bytes.byteLength;
    return accessory;
  }

  removeAccessory(accessory: HeldAccessory): void {
    this.held.accessories.splice(this.held.accessories.indexOf(accessory), 1);
  }

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** The current time as tickets and messages record it. */
  timestamp(): string {
    return formatTime(this.now());
  }

  newCaseId(): string {
    const id = newCaseId(this.now(), (id) => this.issued.cases.has(id));
    this.issued.cases.add(id);
    return id;
  }

  newLabelId(): number {
    this.issued.label += 1;
    return this.issued.label;
  }

  /** `msg-000001`, unique across all tickets. */
  newMessageId(): string {
    this.issued.message += 1;
    return `msg-${String(this.issued.message).padStart(6, '0')}`;
  }

  private newAccessoryId(): string {
    this.issued.accessory += 1;
    return String(this.issued.accessory);
  }
}
