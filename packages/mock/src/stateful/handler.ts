// The shape of the sandbox's per-operation handlers (handlers/*.ts).
import type { BusinessError, OsmError } from './business-errors.js';
import type { SandboxAnswer, SandboxRequest } from './exchange.js';
import type { SandboxStore } from './store.js';

/** What a handler works with. */
export interface HandlerContext {
  store: SandboxStore;
  /** The answer carrying one of OSM's business errors (HTTP 200). */
  fail(error: BusinessError): SandboxAnswer;
}

/** Answers one operation from the store, changing it when the operation changes something. */
export type Handler = (request: SandboxRequest, context: HandlerContext) => SandboxAnswer | Promise<SandboxAnswer>;

/** The bodies of the business errors, as the context's `fail` needs them. */
export function failWith(bodies: Record<BusinessError, OsmError>): HandlerContext['fail'] {
  return (error) => ({ json: { ...bodies[error] } });
}

/** The success of an operation that returns no result (`Acknowledgement`). */
export const ACKNOWLEDGED: SandboxAnswer = { json: {} };

/** One page of `items`. */
export function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset, offset + limit);
}
