// The drift aggregator: every exchange's violations, summed per operation, kind and place, with the first
// example of each (redacted when it is recorded, so nothing secret is ever held). Bounded: at most
// MAX_PLACES places per operation (more are counted, not kept), examples cut to MAX_EXAMPLE_CHARS.
import { cutText, cutValue, redactText, redactValue } from './recorder-redaction.js';
import { type DriftViolation, VIOLATION_KINDS, type ViolationKind } from './violations.js';

/** Places kept per operation; further ones are only counted. */
export const MAX_PLACES = 200;
/** An example's JSON is cut to this many characters. */
export const MAX_EXAMPLE_CHARS = 300;
/** A place (`where`) and a rule are cut to this many characters, before they are redacted. */
export const MAX_PLACE_CHARS = 300;

/** One place of one operation where the spec and the API disagree. */
export interface DriftEntry {
  kind: ViolationKind;
  where: string;
  rule: string;
  count: number;
  /**
   * The first value seen there, redacted and cut (JSON text): for a missing field, the object that lacks
   * it; absent when there is none to show.
   */
  example?: string;
  /** The status of the first exchange that showed it. */
  status: number;
  /** When it was first seen (ISO 8601). */
  firstSeen: string;
}

/** What was seen of one operation. */
export interface OperationDrift {
  operationId: string;
  method: string;
  pathTemplate: string;
  exchanges: number;
  /** Answers per status (`"200": 12`); the proxy's own gateway errors count as the status it gave. */
  statuses: Record<string, number>;
  /** Exchanges with no violation at all. */
  clean: number;
  /** Answers whose body was not checked (a file, over the size kept for checks, or compressed). */
  bodiesNotChecked: number;
  /** Answers the upstream failed to give (unreachable, reset, timed out): the proxy answered APIGW.* itself. */
  upstreamFailures: number;
  drift: DriftEntry[];
  /** Places beyond {@link MAX_PLACES}, counted only. */
  placesNotKept: number;
}

/** The whole report (the JSON of `GET /__osm/drift` and of `--report`). */
export interface DriftReport {
  /** Always 1 for this shape. */
  version: 1;
  generatedAt: string;
  since: string;
  /** The upstream's origin (no path, no credentials). */
  upstream: string;
  spec: { title: string; version: string };
  exchanges: number;
  /** Per kind, over all operations. */
  totals: Record<ViolationKind, number>;
  operations: OperationDrift[];
}

/** One exchange, as the aggregator takes it. */
export interface ExchangeRecord {
  operationId: string;
  method: string;
  pathTemplate: string;
  status: number;
  violations: readonly DriftViolation[];
  bodyNotChecked?: boolean;
  upstreamFailure?: boolean;
  /** Secrets of this exchange (the caller's token...), scrubbed from its examples with the proxy's own. */
  secrets?: readonly string[];
}

/** Collects exchanges; `report()` gives the summary at any time. */
export class DriftLog {
  readonly #operations = new Map<string, OperationDrift & { places: Map<string, DriftEntry> }>();
  readonly #since = new Date().toISOString();
  #exchanges = 0;

  constructor(
    private readonly upstream: string,
    private readonly spec: { title: string; version: string },
    private readonly secrets: readonly string[],
  ) {}

  /** Adds one exchange. */
  record(exchange: ExchangeRecord): void {
    this.#exchanges++;
    const key = `${exchange.method.toUpperCase()} ${exchange.pathTemplate}`;
    let operation = this.#operations.get(key);
    if (!operation) {
      operation = {
        operationId: exchange.operationId,
        method: exchange.method.toUpperCase(),
        pathTemplate: exchange.pathTemplate,
        exchanges: 0,
        statuses: {},
        clean: 0,
        bodiesNotChecked: 0,
        upstreamFailures: 0,
        drift: [],
        placesNotKept: 0,
        places: new Map(),
      };
      this.#operations.set(key, operation);
    }
    operation.exchanges++;
    operation.statuses[exchange.status] = (operation.statuses[exchange.status] ?? 0) + 1;
    if (!exchange.violations.length) operation.clean++;
    if (exchange.bodyNotChecked) operation.bodiesNotChecked++;
    if (exchange.upstreamFailure) operation.upstreamFailures++;
    const secrets = [...this.secrets, ...(exchange.secrets ?? [])];
    for (const violation of exchange.violations) {
      // Cut before redacting: a hostile upstream's field name can be as long as its body.
      const where = redactText(cutText(violation.where, MAX_PLACE_CHARS, secrets), secrets);
      const place = `${violation.kind} ${where}`;
      const entry = operation.places.get(place);
      if (entry) {
        entry.count++;
        continue;
      }
      if (operation.places.size >= MAX_PLACES) {
        operation.placesNotKept++;
        continue;
      }
      const created: DriftEntry = {
        kind: violation.kind,
        where,
        rule: redactText(cutText(violation.rule, MAX_PLACE_CHARS, secrets), secrets),
        count: 1,
        status: exchange.status,
        firstSeen: new Date().toISOString(),
      };
      const example = exampleOf(violation, secrets);
      if (example !== undefined) created.example = example;
      operation.places.set(place, created);
    }
  }

  /** The report so far: operations in the spec's order of first sight, entries by kind then place. */
  report(): DriftReport {
    const totals = Object.fromEntries(VIOLATION_KINDS.map((kind) => [kind, 0])) as Record<ViolationKind, number>;
    const operations = [...this.#operations.values()].map(({ places, ...operation }) => {
      const drift = [...places.values()]
        .sort((a, b) => VIOLATION_KINDS.indexOf(a.kind) - VIOLATION_KINDS.indexOf(b.kind) || a.where.localeCompare(b.where))
        .map((entry) => ({ ...entry }));
      for (const entry of drift) totals[entry.kind] += entry.count;
      return { ...operation, statuses: { ...operation.statuses }, drift };
    });
    operations.sort((a, b) => a.operationId.localeCompare(b.operationId));
    return {
      version: 1,
      generatedAt: new Date().toISOString(),
      since: this.#since,
      upstream: this.upstream,
      spec: this.spec,
      exchanges: this.#exchanges,
      totals,
      operations,
    };
  }
}

/**
 * A violation's value as an example: cut (strings to twice the example's size, arrays and objects once
 * about that much is in), then redacted by the fixture rules as its field would be, JSON, cut again. Cut
 * first, so that the rules never read more than the report can show, however much the upstream sent.
 */
function exampleOf(violation: DriftViolation, secrets: readonly string[]): string | undefined {
  if (violation.value === undefined) return undefined;
  const redacted = redactValue(violation.field, cutValue(violation.value, 2 * MAX_EXAMPLE_CHARS, secrets), secrets);
  if (redacted === undefined) return '(withheld: it held a credential)';
  const json = JSON.stringify(redacted) ?? String(redacted);
  // Cut, then redacted again: a cut could split a value the rules would have recognised whole.
  return json.length > MAX_EXAMPLE_CHARS ? `${redactText(json.slice(0, MAX_EXAMPLE_CHARS), secrets)}…` : json;
}
