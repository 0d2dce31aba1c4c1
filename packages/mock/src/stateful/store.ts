// One sandbox's data and the lookups and ID sequences every operation needs.
import { formatTime, newCaseId, nextNumber, trailingNumber } from './identifiers.js';
import type { AccessoryRecord, CaseRecord, LabelRecord, SandboxState } from './state.js';
import { copyState } from './state.js';

/** The in-memory store of one sandbox. */
export class SandboxStore {
  private seed: SandboxState;
  private state: SandboxState;

  constructor(
    seed: SandboxState,
    /** The clock; tests pass a fixed one. */
    readonly now: () => Date = () => new Date(),
  ) {
    this.seed = copyState(seed);
    this.state = copyState(seed);
  }

  /** Back to the seed; with a new seed, to that one, which later resets then return to as well. */
  reset(seed?: SandboxState): void {
    if (seed) this.seed = copyState(seed);
    this.state = copyState(this.seed);
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
    return newCaseId(this.now(), (id) => this.findCase(id) !== undefined);
  }

  newLabelId(): number {
    return nextNumber(this.state.labels.map((l) => l.label_id));
  }

  /** `msg-000001`, unique across all tickets. */
  newMessageId(): string {
    const used = this.state.cases.flatMap((c) => c.message_list.map((m) => trailingNumber(m.message_id)));
    return `msg-${String(nextNumber(used)).padStart(6, '0')}`;
  }

  /** A numeric attachment ID above 100000, like the spec's example `123456`. */
  newAccessoryId(): string {
    return String(nextNumber([100_000, ...this.state.accessories.map((a) => trailingNumber(a.accessory_id))]));
  }
}
