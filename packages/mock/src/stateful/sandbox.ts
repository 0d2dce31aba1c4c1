// The stateful sandbox: one in-memory store per mock, answering the operations of handlers/index.ts
// from it. The engine asks it after validating a request and before choosing an example.
import { businessErrorBodies } from './business-errors.js';
import { prefersExample, type SandboxAnswer, type SandboxRequest } from './exchange.js';
import { failWith, type HandlerContext } from './handler.js';
import { HANDLERS } from './handlers/index.js';
import { STORE_MAX_BYTES, sizeText } from './limits.js';
import { type SandboxSeed, type SpecDocument, seedChecker, seedFromExamples } from './seed.js';
import type { SandboxState } from './state.js';
import { SandboxStore } from './store.js';

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** The served spec (bundled: every `$ref` local); its examples make the default seed and the business errors. */
  document: SpecDocument;
  /** What the store starts with (and `reset()` returns to). Default: the spec's examples. */
  seed?: SandboxSeed;
  /** The clock for creation times and ticket IDs. Default: the system clock. */
  now?: () => Date;
  /** The bound of the whole store, in bytes (limits.ts). Default {@link STORE_MAX_BYTES}. */
  maxBytes?: number;
}

/** A stateful sandbox. */
export interface Sandbox {
  /** The operationIds answered from the store. */
  readonly operations: ReadonlySet<string>;
  /**
   * The answer to a validated request, or undefined when the sandbox does not answer it: an operation
   * it does not hold state for, or a request whose `Prefer` header asks for an example or a status.
   */
  respond(request: SandboxRequest): Promise<SandboxAnswer | undefined>;
  /** Back to the seed; given a new seed (checked first, `SeedError` if bad), to that one from now on. */
  reset(seed?: unknown): void;
  /** A copy of everything held, in the seed format. */
  state(): SandboxState;
  /** Everything held as JSON in the seed format (`GET /__osm/state`), in pieces made as they are read. */
  dump(): Iterable<string>;
}

/** The operations that add to the store: refused once it is full. */
const GROWING = new Set(['createCases', 'createMessages', 'createLabels', 'uploadAccessory', 'uploadJsonAccessories']);

/** The answer of an operation that would add to a full store: the mock's limit, not OSM's. */
function storeFull(maxBytes: number): SandboxAnswer {
  const error_msg = `The mock's stateful store is full: it holds at most ${sizeText(maxBytes)} of tickets, messages, labels and attachments. POST /__osm/reset empties it.`;
  return { status: 507, json: { error_code: 'OSM.0004', error_msg } };
}

/** Creates a sandbox with its own store. Throws `SeedError` for a bad seed. */
export function createSandbox(options: SandboxOptions): Sandbox {
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? STORE_MAX_BYTES;
  const check = seedChecker(options.document, maxBytes);
  const store = new SandboxStore(check(options.seed ?? seedFromExamples(options.document), now()), now);
  const context: HandlerContext = { store, fail: failWith(businessErrorBodies(options.document.components?.examples ?? {})) };
  return {
    operations: new Set(Object.keys(HANDLERS)),
    async respond(request) {
      const handler = HANDLERS[request.operationId];
      if (!handler || prefersExample(request)) return undefined;
      if (GROWING.has(request.operationId) && store.size >= maxBytes) return storeFull(maxBytes);
      return handler(request, context);
    },
    reset(seed) {
      store.reset(seed === undefined ? undefined : check(seed, now()));
    },
    state: () => store.snapshot(),
    dump: () => store.dump(),
  };
}
