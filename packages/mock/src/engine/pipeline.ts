// The engine's request pipeline: an exchange (the request and what the steps have learnt of it) goes
// through a list of named steps in order, and the first step that answers ends it. Steps before routing
// see the request alone; the router turns it into an exchange of one operation, which the operation's
// steps read and fill in (parameters, body, violations). Adding a check means adding a step.

import type { FormPart } from './form.js';
import type { OperationModel } from './operation-model.js';
import type { Violation } from './osm-errors.js';
import type { ParsedPrefer } from './prefer.js';
import type { Selection } from './select-response.js';
import type { MockRequest, MockResponse, NetworkFault } from './types.js';

/** A request as it arrived, with what every step needs to read it. */
export interface Arrival {
  readonly request: MockRequest;
  /** Upper-case method. */
  readonly method: string;
  /** The path as sent, without dot segments and without the query. */
  readonly path: string;
  /** The query string, without `?`. */
  readonly search: string;
  /** The CORS headers every answer carries. */
  readonly cors: Record<string, string>;
}

/** The body as read by the body step: parsed JSON or text, or the parts of a form. */
export interface ParsedBody {
  value?: unknown;
  form?: FormPart[];
}

/** A request routed to one operation, filled in by the operation's steps. */
export interface Exchange extends Arrival {
  readonly operation: OperationModel;
  /** Lower-case method the operation was found by (`HEAD` of a GET operation reads `get`). */
  readonly verb: string;
  /** Path parameters as sent, percent-escapes untouched. */
  readonly rawParams: Readonly<Record<string, string>>;
  /** The `Prefer` header's choices (the Prefer step). */
  prefer: ParsedPrefer;
  /** The answer chosen by `Prefer` and `Accept` (the Prefer step). */
  selection?: Selection;
  /** Path parameters, decoded (the decoding step). */
  pathParams: Record<string, string>;
  /** Query values by name, in order (the decoding step). */
  query: Map<string, string[]>;
  /** The body, parsed (the body step). */
  body: ParsedBody;
  /** What is wrong with the request so far; refused together by the refusal step. */
  violations: Violation[];
  /** Diagnostics Prism reported, as the `sl-violations` header shows them. */
  reported: { location: (string | number)[]; message: string }[];
  /** A fault to carry out on whatever answer the steps make (the fault step: `truncate`). */
  fault?: NetworkFault;
}

/** A step: answers (ending the pipeline) or returns nothing to pass the exchange on. */
export type Step<E> = (exchange: E) => MockResponse | undefined | Promise<MockResponse | undefined>;

/** Runs `steps` in order until one answers. */
export async function runSteps<E>(exchange: E, steps: readonly Step<E>[]): Promise<MockResponse | undefined> {
  for (const step of steps) {
    const answer = await step(exchange);
    if (answer) return answer;
  }
  return undefined;
}
