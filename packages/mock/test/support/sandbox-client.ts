// Calls a sandbox the way the engine does (route the request to an operation, hand over the raw body),
// and checks every answer against the spec: a JSON answer against the operation's 200 schema, a file
// against the media types the spec declares for it.
import { loadSpec } from '@osm-openapi/spec';
import { expect } from 'vitest';
import { readMultipart } from '../../src/engine/multipart.js';
import type { FileAnswer, SandboxAnswer } from '../../src/stateful/exchange.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/stateful/sandbox.js';
import type { SpecDocument } from '../../src/stateful/seed.js';
import { responseValidator } from './response-schema.js';
import { responseContents, type SpecOperation, specOperations } from './spec-operations.js';

/** What a test sends: a JSON body, a form, headers. */
export interface CallOptions {
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/** A sandbox answer, typed loosely for tests. */
export interface CallResult {
  // biome-ignore lint/suspicious/noExplicitAny: tests read any field of a sandbox answer without narrowing it first.
  json?: any;
  file?: FileAnswer;
}

const SPEC = loadSpec() as SpecDocument;
const operations = specOperations();
const validate = responseValidator();

/** The spec operation for a method and a concrete path, with its path parameters. */
export function route(method: string, path: string): { entry: SpecOperation; pathParams: Record<string, string> } {
  const segments = path.split('/');
  const candidates = operations
    .filter((o) => o.method === method.toLowerCase())
    .map((entry) => ({ entry, template: entry.path.split('/') }))
    .filter(({ template }) => template.length === segments.length && template.every((t, i) => t.startsWith('{') || t === segments[i]))
    // A literal segment wins over a parameter (/cases/count before /cases/{case_id}).
    .sort((a, b) => b.template.filter((t) => !t.startsWith('{')).length - a.template.filter((t) => !t.startsWith('{')).length);
  const found = candidates[0];
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  const pathParams: Record<string, string> = {};
  found.template.forEach((t, i) => {
    if (t.startsWith('{')) pathParams[t.slice(1, -1)] = decodeURIComponent(segments[i] ?? '');
  });
  return { entry: found.entry, pathParams };
}

/** Checks an answer against what the spec declares for the operation's 200 response. */
export function expectValidAnswer(entry: SpecOperation, answer: SandboxAnswer): void {
  if ('json' in answer) {
    expect(
      validate(entry.path, entry.method, '200', 'application/json', answer.json),
      `${entry.operationId} answered ${JSON.stringify(answer.json)}`,
    ).toEqual([]);
  } else {
    const declared = responseContents(entry)
      .filter((c) => c.status === '200' && c.schema.format === 'binary')
      .map((c) => c.mediaType);
    expect(declared).toContain(answer.file.mediaType);
  }
}

/** A sandbox on the bundled spec, and a function calling it as `call('POST', '/v2/...?q=1', { json })`. */
export function sandboxClient(options: Partial<SandboxOptions> = {}) {
  const sandbox: Sandbox = createSandbox({ document: SPEC, now: () => new Date('2026-01-02T03:04:05Z'), ...options });
  async function call(method: string, url: string, options: CallOptions = {}): Promise<CallResult> {
    const answer = await callRaw(sandbox, method, url, options);
    if (!answer) throw new Error(`the sandbox did not answer ${method} ${url}`);
    return answer as CallResult;
  }
  return { sandbox, call };
}

/** Calls a sandbox; undefined when it leaves the request to the examples. Every answer is checked against the spec. */
export async function callRaw(
  sandbox: Sandbox,
  method: string,
  url: string,
  options: CallOptions = {},
): Promise<SandboxAnswer | undefined> {
  const parsed = new URL(url, 'http://sandbox.test');
  const { entry, pathParams } = route(method, parsed.pathname);
  const headers: Record<string, string> = {
    'x-auth-token': 'test',
    ...Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  let body: unknown;
  if (options.json !== undefined) {
    // Through JSON text and back, as the engine parses it.
    body = JSON.parse(JSON.stringify(options.json));
    headers['content-type'] = 'application/json';
  } else if (options.form) {
    // Through the multipart encoding and back, as the engine parses it and the stateful engine hands it over.
    const request = new Request('http://sandbox.test', { method: 'POST', body: options.form });
    headers['content-type'] = request.headers.get('content-type') ?? '';
    const parts = await readMultipart(new Uint8Array(await request.arrayBuffer()), headers['content-type']);
    body = Object.fromEntries((parts ?? []).map((part) => [part.name, part.value]));
  }
  const query: Record<string, string[]> = {};
  for (const [name, value] of parsed.searchParams) query[name] = [...(query[name] ?? []), value];
  const answer = await sandbox.respond({ operationId: entry.operationId, path: pathParams, query, headers, body });
  if (answer) expectValidAnswer(entry, answer);
  return answer;
}
