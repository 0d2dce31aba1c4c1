// One sandbox's data and the lookups and ID sequences every operation needs.
import { formatTime, newCaseId, nextNumber, trailingNumber } from './identifiers.js';
import type { AccessoryRecord, CaseRecord, LabelRecord, SandboxState } from './state.js';
import { copyState } from './state.js';

/** The highest IDs a store has handed out (or found in its seed), and every ticket ID. */
interface IssuedIds {
  cases: Set<string>;
  label: number;
  message: number;
  accessory: number;
}

function issuedIn(seed: SandboxState): IssuedIds {
  return {
    cases: new Set(seed.cases.map((c) => c.incident_id)),
    label: nextNumber(seed.labels.map((l) => l.label_id)) - 1,
    message: nextNumber(seed.cases.flatMap((c) => c.message_list.map((m) => trailingNumber(m.message_id)))) - 1,
    // Attachment IDs are numbers above 100000, like the spec's example `123456`.
    accessory: nextNumber([100_000, ...seed.accessories.map((a) => trailingNumber(a.accessory_id))]) - 1,
  };
}

/** The in-memory store of one sandbox. */
export class SandboxStore {
  private seed: SandboxState;
  private state: SandboxState;
  /** The IDs in use or handed out since the last reset: an ID is never given twice, even after a deletion. */
  private issued: IssuedIds;

  constructor(
    seed: SandboxState,
    /** The clock; tests pass a fixed one. */
    readonly now: () => Date = () => new Date(),
  ) {
    this.seed = copyState(seed);
    this.state = copyState(seed);
    this.issued = issuedIn(seed);
  }

  /** Back to the seed; with a new seed, to that one, which later resets then return to as well. */
  reset(seed?: SandboxState): void {
    if (seed) this.seed = copyState(seed);
    this.state = copyState(this.seed);
    this.issued = issuedIn(this.seed);
  }

  /** A copy of everything held. */
  snapshot(): SandboxState {
    return copyState(this.state);
  }

  get cases(): CaseRecord[] {
    return this.state.cases;
  }

  get labels(): LabelRecord[] {
    return this.state.labels;
  }

  get accessories(): AccessoryRecord[] {
    return this.state.accessories;
  }

  findCase(id: string | undefined): CaseRecord | undefined {
    return this.state.cases.find((c) => c.incident_id === id);
  }

  findLabel(id: number): LabelRecord | undefined {
    return this.state.labels.find((l) => l.label_id === id);
  }

  findAccessory(id: string | undefined): AccessoryRecord | undefined {
    return this.state.accessories.find((a) => a.accessory_id === id);
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

  newAccessoryId(): string {
    this.issued.accessory += 1;
    return String(this.issued.accessory);
  }
}
