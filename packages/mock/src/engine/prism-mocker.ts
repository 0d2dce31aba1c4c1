// Prism's mocker, for the answers the engine does not make from an example itself: data generated from
// the schema (`dynamic`). It carries Prism's data generator (json-schema-faker and faker's English data,
// most of Prism's weight), so the engine imports this module only when such an answer is first asked for.
import prismMocker from '@stoplight/prism-http/dist/mocker/index.js';
import type { IHttpOperation } from '@stoplight/types';
import { type Either, type PrismInput, prismRequest } from './prism.js';

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

type Mocker = (
  args: object,
) => (logger: unknown) => Either<Error & { status?: number; detail?: string }, { headers?: Record<string, string>; body: unknown }>;

// Node's own loader hands a CommonJS module's exports as the default import; bundlers hand its `default`.
const mock = ((prismMocker as unknown as { default?: unknown }).default ?? prismMocker) as Mocker;

const noop = () => undefined;
/** Prism logs through pino; the engine keeps quiet (its front doors log each answer). */
const silentLogger: Record<string, unknown> = {};
for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'success', 'log']) silentLogger[level] = noop;
silentLogger.child = () => silentLogger;

/** The answer Prism's mocker gives `operation` for the engine's choice. */
export function mockWithPrism(operation: IHttpOperation, input: PrismInput, choice: PrismChoice): PrismAnswer {
  const config = {
    dynamic: choice.dynamic,
    code: choice.code,
    exampleKey: choice.example,
    mediaTypes: choice.mediaType ? [choice.mediaType] : undefined,
    ...(choice.seed ? { seed: choice.seed } : {}),
  };
  const result = mock({ resource: operation, input: { data: prismRequest(input), validations: [] }, config })(silentLogger);
  if (result._tag === 'Left') return { ok: false, status: result.left.status ?? 500, detail: result.left.detail ?? result.left.message };
  return { ok: true, headers: result.right.headers ?? {}, body: result.right.body };
}
