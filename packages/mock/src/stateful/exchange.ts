// What the sandbox receives and answers: engine-neutral, so the HTTP server and the MSW handlers can
// both hand it a request that has already passed validation against the spec.

/** A request the engine has routed to an operation and validated against the spec. */
export interface SandboxRequest {
  /** The operation, by its operationId (`createCases`). */
  operationId: string;
  /** Path parameters by name, percent-decoded. */
  pathParams: Readonly<Record<string, string>>;
  /** The query string as sent. */
  query: URLSearchParams;
  /** Request headers, names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The body's bytes as sent (empty when there is none). */
  body: Uint8Array;
}

/** A file the sandbox answers with (an attachment download). */
export interface SandboxFile {
  bytes: Uint8Array;
  mediaType: string;
  /** The `Content-Disposition` header. */
  disposition: string;
}

/** The sandbox's answer: HTTP 200 with a JSON body (a result or an OSM business error), or a file. */
export type SandboxAnswer = { json: unknown } | { file: SandboxFile };

/** The body parsed as JSON; the engine has already checked that it is well-formed. */
export function jsonBody<T>(request: SandboxRequest): T {
  return JSON.parse(new TextDecoder().decode(request.body)) as T;
}

/** The body parsed as `multipart/form-data`, with the parser of the platform's `Response`. */
export function formBody(request: SandboxRequest): Promise<FormData> {
  const contentType = request.headers['content-type'] ?? '';
  // A copy: Response takes only bytes backed by a plain ArrayBuffer.
  return new Response(new Uint8Array(request.body), { headers: { 'content-type': contentType } }).formData();
}

/**
 * The values of a comma-list query parameter (`style: form, explode: false`, `label_ids=1,2`), also
 * accepting repeated keys as Huawei's SDKs send them.
 */
export function queryList(query: URLSearchParams, name: string): string[] {
  return query.getAll(name).flatMap((value) => value.split(',')).filter((value) => value !== '');
}

/** An integer query parameter (already checked by validation), or `fallback` when absent. */
export function queryInteger(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name);
  return value === null || value === '' ? fallback : Number(value);
}

/** Whether the caller forces an answer with `Prefer: example=...` or `code=...`: the sandbox steps aside. */
export function prefersExample(request: SandboxRequest): boolean {
  return /(?:^|[\s,;])(?:example|code)=/.test(request.headers.prefer ?? '');
}
