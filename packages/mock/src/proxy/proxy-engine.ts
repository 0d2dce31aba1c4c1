// The engine in proxy mode: the mock's steps with the proxy's final step, and the drift report's route,
// `GET /__osm/drift` (JSON; `?format=markdown` or `Accept: text/markdown` for Markdown), answered before
// the engine sees the request. Every request first passes the caller guard (caller-guard.ts: Host,
// Origin, preflights), and every answer leaves with proxy mode's CORS headers only.
import { preflightHeaders } from '../engine/cors.js';
import { createEngine, type Engine } from '../engine/engine.js';
import type { MockRequest, MockResponse } from '../engine/types.js';
import type { CallerGuard } from './caller-guard.js';
import { driftMarkdown } from './drift-markdown.js';
import type { UpstreamProxy } from './proxy.js';
import { type ForwardStepOptions, forwardStep } from './proxy-step.js';

/** The drift report's route. */
export const DRIFT_PATH = '/__osm/drift';

function driftAnswer(proxy: UpstreamProxy, request: MockRequest): MockResponse {
  const search = new URLSearchParams(request.url.split('?')[1] ?? '');
  const markdown = search.get('format') === 'markdown' || /\btext\/markdown\b/.test(request.headers.accept ?? '');
  const report = proxy.drift.report();
  if (markdown) return { status: 200, headers: { 'content-type': 'text/markdown; charset=utf-8' }, body: driftMarkdown(report) };
  return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(report, null, 2) };
}

/** An engine forwarding every valid (or, without `errors`, every) request to `proxy`. */
export async function createProxyEngine(
  options: { document: object; strict?: boolean; docsUrl?: string },
  proxy: UpstreamProxy,
  step: ForwardStepOptions,
  guard: CallerGuard,
): Promise<Engine> {
  const engine = await createEngine({
    document: options.document,
    strict: options.strict,
    docsUrl: options.docsUrl,
    finalSteps: [forwardStep(proxy, step)],
  });
  return {
    operations: engine.operations,
    route: (method, url) => engine.route(method, url),
    async handle(request) {
      const { headers } = request;
      const refused = guard.check(request.method, headers);
      if (refused) return refused;
      const path = request.url.split(/[?#]/)[0] ?? '/';
      const method = request.method.toUpperCase();
      const requestedMethod = headers['access-control-request-method'];
      if (method === 'OPTIONS' && requestedMethod !== undefined)
        return {
          status: 204,
          headers: {
            ...guard.corsHeaders(headers.origin),
            ...preflightHeaders(requestedMethod, headers['access-control-request-headers']),
            'content-length': '0',
          },
        };
      if (path === DRIFT_PATH && (method === 'GET' || method === 'HEAD')) {
        const answer = driftAnswer(proxy, request);
        return guard.guard(method === 'HEAD' ? { ...answer, body: undefined } : answer, headers.origin);
      }
      return guard.guard(await engine.handle(request), headers.origin);
    },
  };
}
