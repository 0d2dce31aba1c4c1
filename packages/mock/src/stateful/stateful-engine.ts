// The engine with a sandbox in it: the sandbox is the last of the engine's responders, so every request
// is validated exactly as in stateless mode first, and the caller's own responder is still asked before
// it; the control routes (admin.ts) are answered before the engine sees them. A form reaches the sandbox
// as the engine parsed it (the uploaded files' bytes included), so a body is parsed once.
import { corsHeaders } from '../engine/cors.js';
import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import type { MockRequest, MockResponse, OsmAnswer, Responder, ValidatedRequest } from '../engine/types.js';
import { ADMIN_PREFIX, answerAdmin } from './admin.js';
import type { SandboxAnswer, SandboxRequest } from './exchange.js';
import type { Sandbox } from './sandbox.js';

/** The body as the sandbox takes it: the engine's parsed JSON, or the form's parts by name (files with their bytes). */
function sandboxBody(request: ValidatedRequest): unknown {
  return request.form ? Object.fromEntries(request.form.map((part) => [part.name, part.value])) : request.body;
}

/** A sandbox answer as a responder's. */
function asOsmAnswer(answer: SandboxAnswer): OsmAnswer {
  if ('file' in answer)
    return { bytes: answer.file.bytes, contentType: answer.file.mediaType, headers: { 'content-disposition': answer.file.disposition } };
  return { status: answer.status ?? 200, body: answer.json };
}

/** The sandbox as a responder: it answers the operations it holds state for. */
function sandboxResponder(sandbox: Sandbox): Responder {
  return async (validated) => {
    if (!sandbox.operations.has(validated.operationId)) return undefined;
    const request: SandboxRequest = {
      operationId: validated.operationId,
      path: validated.path,
      query: validated.query,
      headers: validated.headers,
      body: sandboxBody(validated),
    };
    const answer = await sandbox.respond(request);
    return answer && asOsmAnswer(answer);
  };
}

function adminResponse(request: MockRequest, sandbox: Sandbox, path: string): MockResponse | undefined {
  const text = request.body ? new TextDecoder().decode(request.body) : '';
  const answer = answerAdmin(sandbox, request.method, path, text);
  if (!answer) return undefined;
  return {
    status: answer.status,
    headers: { ...corsHeaders(request.headers.origin), 'content-type': 'application/json' },
    body: answer.body,
  };
}

/**
 * Creates an engine whose validated requests go to `options.responders` first, then to `sandbox`, then
 * to the examples, and which answers the sandbox's control routes under `/__osm/`.
 */
export async function createStatefulEngine(options: EngineOptions, sandbox: Sandbox): Promise<Engine> {
  const engine = await createEngine({ ...options, responders: [...(options.responders ?? []), sandboxResponder(sandbox)] });
  return {
    operations: engine.operations,
    route: (method, url) => engine.route(method, url),
    async handle(request, call) {
      const path = request.url.split(/[?#]/)[0] ?? '/';
      // Preflights of the control routes are the engine's, like any other.
      if (path.startsWith(ADMIN_PREFIX) && request.method.toUpperCase() !== 'OPTIONS') {
        const admin = adminResponse(request, sandbox, path);
        if (admin) return admin;
      }
      return engine.handle(request, call);
    },
  };
}
