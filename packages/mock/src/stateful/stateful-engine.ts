// The engine with a sandbox in it: the sandbox answers through the engine's responder hook, so every
// request is validated exactly as in stateless mode first; the control routes (admin.ts) are answered
// before the engine sees them.
//
// Two things the hook does not carry are passed beside it, per request: the body's bytes (the hook
// describes an uploaded file by name, type and size; the sandbox keeps the file) and a file answer
// (the hook answers JSON; a download answers the uploaded bytes). Each request gets an exchange ID in
// a header of its own, under which the wrapper keeps both for the time of the call.
import { corsHeaders } from '../engine/cors.js';
import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import { isJson, mediaTypeOf } from '../engine/read-request.js';
import type { MockRequest, MockResponse, ValidatedRequest } from '../engine/types.js';
import { ADMIN_PREFIX, answerAdmin } from './admin.js';
import type { SandboxFile, SandboxRequest } from './exchange.js';
import type { Sandbox } from './sandbox.js';

/** The header that carries a request's exchange ID from the wrapper to the responder. */
const EXCHANGE_HEADER = 'x-osm-sandbox-exchange';

/** What the wrapper and the responder share about one request. */
interface Exchange {
  body?: Uint8Array;
  file?: SandboxFile;
}

/** The body as the sandbox takes it: the engine's parsed JSON, or the multipart parts with their files. */
async function sandboxBody(request: ValidatedRequest, raw: Uint8Array | undefined): Promise<unknown> {
  const contentType = request.headers['content-type'];
  if (!raw || mediaTypeOf(contentType) !== 'multipart/form-data') return request.body;
  const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType ?? '' } }).formData();
  return Object.fromEntries(form);
}

function withFile(response: MockResponse, file: SandboxFile, head: boolean): MockResponse {
  return {
    status: response.status,
    headers: { ...response.headers, 'content-type': file.mediaType, 'content-disposition': file.disposition, 'content-length': String(file.bytes.byteLength) },
    body: head ? undefined : file.bytes,
  };
}

function adminResponse(request: MockRequest, sandbox: Sandbox, path: string): MockResponse | undefined {
  const text = request.body ? new TextDecoder().decode(request.body) : '';
  const answer = answerAdmin(sandbox, request.method, path, text);
  if (!answer) return undefined;
  return { status: answer.status, headers: { ...corsHeaders(request.headers.origin), 'content-type': 'application/json' }, body: JSON.stringify(answer.json) };
}

/**
 * Creates an engine whose validated requests go to `options.responder` first, then to `sandbox`, then
 * to the examples, and which answers the sandbox's control routes under `/__osm/`.
 */
export async function createStatefulEngine(options: EngineOptions, sandbox: Sandbox): Promise<Engine> {
  const exchanges = new Map<string, Exchange>();
  let counter = 0;
  const engine = await createEngine({
    ...options,
    async responder(sent) {
      // The exchange ID is the wrapper's, not the caller's: neither the sandbox nor a responder sees it.
      const { [EXCHANGE_HEADER]: id, ...headers } = sent.headers;
      const validated = { ...sent, headers };
      // The caller's own responder first: it may override the store for the cases it singles out.
      const own = await options.responder?.(validated);
      const exchange = exchanges.get(id ?? '');
      if (own || !exchange || !sandbox.operations.has(validated.operationId)) return own;
      const request: SandboxRequest = { operationId: validated.operationId, path: validated.path, query: validated.query, headers, body: await sandboxBody(validated, exchange.body) };
      const answer = await sandbox.respond(request);
      if (!answer) return undefined;
      if ('json' in answer) return { status: 200, body: answer.json };
      exchange.file = answer.file;
      return { status: 200, body: {} };
    },
  });
  return {
    operations: engine.operations,
    async handle(request) {
      const path = request.url.split(/[?#]/)[0] ?? '/';
      // Preflights of the control routes are the engine's, like any other.
      if (path.startsWith(ADMIN_PREFIX) && request.method.toUpperCase() !== 'OPTIONS') {
        const admin = adminResponse(request, sandbox, path);
        if (admin) return admin;
      }
      const id = String((counter += 1));
      const exchange: Exchange = { body: request.body };
      exchanges.set(id, exchange);
      try {
        const response = await engine.handle({ ...request, headers: { ...request.headers, [EXCHANGE_HEADER]: id } });
        const file = exchange.file;
        return file && response.status === 200 && isJson(mediaTypeOf(response.headers['content-type'])) ? withFile(response, file, request.method.toUpperCase() === 'HEAD') : response;
      } finally {
        exchanges.delete(id);
      }
    },
  };
}
