// Prism's HTTP library, used in-process, in its two parts the mock needs: its validator checks a request
// against the one operation our router found, and its mocker picks or generates that operation's answer.
// They are imported on their own (not through the package's entry), so Prism's router, proxy forwarder
// and instance factory are never loaded. Security is checked by the engine (it also knows the header
// length rules), and responses are not validated per request: the spec's examples are validated once, in
// this package's tests.
import type { IHttpOperation } from '@stoplight/types';
import prismMocker from '@stoplight/prism-http/dist/mocker/index.js';
import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations.js';
import { validateInput } from '@stoplight/prism-http/dist/validator/index.js';
import type { PrismDiagnostic } from './osm-errors.js';

/** The request as Prism's validator takes it. */
export interface PrismInput {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

/** How Prism should answer: the status, media type and example chosen by the engine. */
export interface PrismChoice {
  code: number;
  mediaType?: string;
  example?: string;
  dynamic: boolean;
  seed?: string;
}

/** Prism's answer, or an error it raised (with the status Prism would answer it with). */
export type PrismAnswer = { ok: true; headers: Record<string, string>; body: unknown } | { ok: false; status: number; detail: string };

type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };

const noop = () => undefined;
/** Prism logs through pino; the engine keeps quiet (its front doors log each answer). */
const silentLogger: Record<string, unknown> = {};
for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'success', 'log']) silentLogger[level] = noop;
silentLogger.child = () => silentLogger;

/** Parses a dereferenced-or-not OpenAPI document into Prism's operations. */
export function prismOperations(document: object): Promise<IHttpOperation[]> {
  return getHttpOperationsFromSpec(document as never);
}

function prismRequest(input: PrismInput) {
  return { method: input.method as never, url: { path: input.path, query: input.query }, headers: input.headers, body: input.body };
}

/** The problems Prism's validator finds in a request to `operation` (errors and warnings). */
export function validateWithPrism(operation: IHttpOperation, input: PrismInput): PrismDiagnostic[] {
  const result = validateInput({ resource: operation, element: prismRequest(input) } as never) as unknown as Either<PrismDiagnostic[], unknown>;
  return result._tag === 'Left' ? result.left : [];
}

/** The answer Prism's mocker gives `operation` for the engine's choice. */
export function mockWithPrism(operation: IHttpOperation, input: PrismInput, choice: PrismChoice): PrismAnswer {
  const config = { dynamic: choice.dynamic, code: choice.code, exampleKey: choice.example, mediaTypes: choice.mediaType ? [choice.mediaType] : undefined, ...(choice.seed ? { seed: choice.seed } : {}) };
  // Node's own loader hands a CommonJS module's exports as the default import; bundlers hand its `default`.
  const mock = ((prismMocker as unknown as { default?: unknown }).default ?? prismMocker) as (
    args: object,
  ) => (logger: unknown) => Either<Error & { status?: number; detail?: string }, { headers?: Record<string, string>; body: unknown }>;
  const result = mock({ resource: operation, input: { data: prismRequest(input), validations: [] }, config })(silentLogger);
  if (result._tag === 'Left') return { ok: false, status: result.left.status ?? 500, detail: result.left.detail ?? result.left.message };
  return { ok: true, headers: result.right.headers ?? {}, body: result.right.body };
}
