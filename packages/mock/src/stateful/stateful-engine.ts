// The engine with a sandbox in it: the sandbox answers through the engine's store hook, so every request
// is validated exactly as in stateless mode first, and the caller's own responder is still asked before
// it; the control routes (admin.ts) are answered before the engine sees them. The hook hands the sandbox
// the form the engine parsed (the uploaded files' bytes included), so a body is parsed once.
import { corsHeaders } from '../engine/cors.js';
import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import type { FormPart } from '../engine/form.js';
import type { MockRequest, MockResponse, ValidatedRequest } from '../engine/types.js';
import { ADMIN_PREFIX, answerAdmin } from './admin.js';
import type { SandboxRequest } from './exchange.js';
import type { Sandbox } from './sandbox.js';

/** The body as the sandbox takes it: the engine's parsed JSON, or the form's parts by name (files with their bytes). */
function sandboxBody(request: ValidatedRequest, form: readonly FormPart[] | undefined): unknown {
  return form ? Object.fromEntries(form.map((part) => [part.name, part.value])) : request.body;
}

function adminResponse(request: MockRequest, sandbox: Sandbox, path: string): MockResponse | undefined {
  const text = request.body ? new TextDecoder().decode(request.body) : '';
  const answer = answerAdmin(sandbox, request.method, path, text);
  if (!answer) return undefined;
  return { status: answer.status, headers: { ...corsHeaders(request.headers.origin), 'content-type': 'application/json' }, body: answer.body };
}

/**
 * Creates an engine whose validated requests go to `options.responder` first, then to `sandbox`, then
 * to the examples, and which answers the sandbox's control routes under `/__osm/`.
 */
export async function createStatefulEngine(options: EngineOptions, sandbox: Sandbox): Promise<Engine> {
  const engine = await createEngine({
    ...options,
    async store(validated, form) {
      if (!sandbox.operations.has(validated.operationId)) return undefined;
      const request: SandboxRequest = { operationId: validated.operationId, path: validated.path, query: validated.query, headers: validated.headers, body: sandboxBody(validated, form) };
      return sandbox.respond(request);
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
      return engine.handle(request);
    },
  };
}
