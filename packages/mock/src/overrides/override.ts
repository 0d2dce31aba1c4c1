// An override: one operation's answer replaced in a test, typed from the spec. A plain value that names
// its operation and says how to answer; every front door (startMock(), the MSW handlers, the stateful
// sandbox behind either) takes the same value.
import type { OsmAnswer, ValidatedRequest } from '../engine/types.js';
import type { OsmOperationKey, OsmOverrideAnswer, OsmOverrideRequest } from './spec-types.js';

/** Options of {@link override}. */
export interface OverrideOptions {
  /**
   * Check the answer against the spec before it is sent (status, content type, body). Default true.
   * `false` sends whatever the resolver answers, e.g. to test how a client copes with an answer OSM
   * should not send.
   */
  validate?: boolean;
}

/** How an override answers: an answer, or undefined to let the mock answer (the sandbox, then the examples). */
export type OsmOverrideResolver<K extends OsmOperationKey> = (
  request: OsmOverrideRequest<K>,
) => OsmOverrideAnswer<K> | undefined | Promise<OsmOverrideAnswer<K> | undefined>;

/** An override made by {@link override}: give it to `mock.use()`, `osm.handler()` or the `overrides` option. */
export interface OsmOverride<K extends OsmOperationKey = OsmOperationKey> {
  /** The operation, as named: an operationId or `'METHOD /path/{template}'`. */
  readonly operation: K;
  /** Whether its answers are checked against the spec. */
  readonly validate: boolean;
  /** Where `override()` was called (stack frames), so that an error of its answers points at the test. */
  readonly definedAt?: string;
  /** Answers a validated request of its operation (a method, so that an override of any operation is an `OsmOverride`). */
  resolve(request: OsmOverrideRequest<K>): OsmOverrideAnswer<K> | undefined | Promise<OsmOverrideAnswer<K> | undefined>;
}

/** An override of any operation, as the front doors take it. */
export interface AnyOsmOverride {
  readonly operation: string;
  readonly validate: boolean;
  readonly definedAt?: string;
  resolve(request: ValidatedRequest): OsmAnswer | undefined | Promise<OsmAnswer | undefined>;
}

const ROUTE_KEY = /^(GET|PUT|POST|DELETE|PATCH|HEAD|OPTIONS|TRACE) \/\S*$/;
const OPERATION_ID = /^[A-Za-z_$][\w$]*$/;

/**
 * Overrides one operation's answer, typed from the spec: `operation` is its operationId or
 * `'METHOD /path/{template}'`; `resolve` gets the validated request (typed path, query and body) and
 * returns one of the operation's answers (status and body typed per status), or undefined to let the
 * mock answer. Every answer is checked against the spec at run time unless `{ validate: false }`: an
 * answer OSM could not send is answered as 500 `OSM.0004` naming the operation, status and field, and
 * kept for `takeOverrideErrors()` (the vitest helper fails the test with it).
 *
 * ```ts
 * const closed = override('showCaseStatus', ({ path }) => ({ status: 200, body: { status: 4 } }));
 * mock.use(closed); // startMock()
 * server.use(osm.handler(closed)); // osmHandlers()
 * ```
 */
export function override<K extends OsmOperationKey>(
  operation: K,
  resolve: OsmOverrideResolver<K>,
  options: OverrideOptions = {},
): OsmOverride<K> {
  if (typeof operation !== 'string' || !(ROUTE_KEY.test(operation) || OPERATION_ID.test(operation))) {
    throw new TypeError(
      `override() takes an operationId ('showCaseStatus') or 'METHOD /path/{template}' ('GET /v2/servicerequest/cases/{case_id}/status'), got ${JSON.stringify(operation)}`,
    );
  }
  if (typeof resolve !== 'function') throw new TypeError(`override('${operation}', resolve): resolve must be a function`);
  // The caller's frames (the first two lines are the message and this function).
  const definedAt = new Error().stack?.split('\n').slice(2).join('\n');
  return { operation, validate: options.validate ?? true, definedAt, resolve };
}

/** Whether an override is for the operation of a validated request. */
export function overrides(override: AnyOsmOverride, request: Pick<ValidatedRequest, 'operationId' | 'method' | 'pathTemplate'>): boolean {
  return override.operation.includes(' ')
    ? override.operation === `${request.method.toUpperCase()} ${request.pathTemplate}`
    : override.operation === request.operationId;
}
