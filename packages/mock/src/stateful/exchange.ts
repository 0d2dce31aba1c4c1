// What the sandbox receives and answers: engine-neutral plain data, so that any front door (the HTTP
// server, the MSW handlers) can hand it a request that has already passed validation against the spec.

/** A request the engine has routed to an operation and validated against the spec. */
export interface SandboxRequest {
  /** The operation, by its operationId (`createCases`). */
  operationId: string;
  /** Path parameters by name, decoded. */
  path: Readonly<Record<string, string>>;
  /** Query parameters by name, decoded; a repeated or array parameter may come as a list. */
  query: Readonly<Record<string, string | readonly string[] | undefined>>;
  /** Request headers, names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body: parsed JSON; for `multipart/form-data` its parts by name (text as strings, files as `FormFile`s). */
  body: unknown;
}

/** A file to answer with (an attachment download). */
export interface FileAnswer {
  bytes: Uint8Array;
  mediaType: string;
  /** The `Content-Disposition` header. */
  disposition: string;
}

/** The sandbox's answer: JSON (a result, or an OSM business error; HTTP 200 unless it says otherwise), or a file. */
export type SandboxAnswer = { status?: number; json: unknown } | { file: FileAnswer };

/** The body, as the operation's request body schema says it is (validation has checked it). */
export function bodyOf<T>(request: SandboxRequest): T {
  return (request.body ?? {}) as T;
}

/**
 * The values of a list query parameter: a comma list (`style: form, explode: false`, `label_ids=1,2`)
 * or repeated keys, as Huawei's SDKs send them.
 */
export function queryList(request: SandboxRequest, name: string): string[] {
  const value = request.query[name];
  const values = value === undefined ? [] : typeof value === 'string' ? [value] : value;
  return values.flatMap((v) => v.split(',')).filter((v) => v !== '');
}

/** A single query value (the last, if repeated); undefined when absent or empty. */
export function queryValue(request: SandboxRequest, name: string): string | undefined {
  const value = request.query[name];
  const last = typeof value === 'string' ? value : value?.[value.length - 1];
  return last === '' ? undefined : last;
}

/** An integer query parameter (already checked by validation), or `fallback` when absent. */
export function queryInteger(request: SandboxRequest, name: string, fallback: number): number {
  const value = queryValue(request, name);
  return value === undefined ? fallback : Number(value);
}

/** Whether the caller forces an answer with `Prefer: example=...` or `code=...`: the sandbox steps aside. */
export function prefersExample(request: SandboxRequest): boolean {
  return /(?:^|[\s,;])(?:example|code)=/.test(request.headers.prefer ?? '');
}
