// Prism's HTTP library, used in-process: it parses the spec into operations once, then validates each
// request against the single operation our router found and picks or generates its answer. Security is
// checked by the engine (it also knows the header length rules), and responses are not validated per
// request: the spec's examples are validated once, in this package's tests.
import prismHttp from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';

const { createInstance, getHttpOperationsFromSpec } = prismHttp;

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

/** Prism's result: its answer and its validation diagnostics of the request, or an error it raised. */
export type PrismResult =
  | { ok: true; status: number; headers: Record<string, string>; body: unknown; diagnostics: { path?: (string | number)[]; message: string; severity: number }[] }
  | { ok: false; status: number; detail: string };

const noop = () => undefined;
/** Prism logs through pino; the engine keeps quiet (its front doors log each answer). */
const silentLogger: Record<string, unknown> = {};
for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'success', 'log']) silentLogger[level] = noop;
silentLogger.child = () => silentLogger;

/** Parses a dereferenced-or-not OpenAPI document into Prism's operations. */
export function prismOperations(document: object): Promise<IHttpOperation[]> {
  return getHttpOperationsFromSpec(document as Parameters<typeof getHttpOperationsFromSpec>[0]);
}

/** A Prism instance whose router hands back the one operation it is given. */
export function createPrism() {
  const instance = createInstance(
    { mock: { dynamic: false }, validateRequest: true, validateResponse: false, checkSecurity: false, errors: false, upstreamProxy: undefined, isProxy: false },
    { logger: silentLogger as never, route: ({ resources }: { resources: IHttpOperation[] }) => ({ _tag: 'Right', right: resources[0]! }) as never },
  );
  return async (operation: IHttpOperation, input: PrismInput, choice: PrismChoice): Promise<PrismResult> => {
    const mock = { dynamic: choice.dynamic, code: choice.code, exampleKey: choice.example, mediaTypes: choice.mediaType ? [choice.mediaType] : undefined, ...(choice.seed ? { seed: choice.seed } : {}) };
    const config = { mock, validateRequest: true, validateResponse: false, checkSecurity: false, errors: false, upstreamProxy: undefined, isProxy: false };
    const request = { method: input.method as never, url: { path: input.path, query: input.query }, headers: input.headers, body: input.body };
    const result = await instance.request(request, [operation], config as never)();
    if (result._tag === 'Left') {
      const error = result.left as Error & { status?: number; detail?: string };
      return { ok: false, status: error.status ?? 500, detail: error.detail ?? error.message };
    }
    const { output, validations } = result.right;
    return { ok: true, status: output.statusCode, headers: output.headers ?? {}, body: output.body, diagnostics: validations.input as never };
  };
}
