// The front door of the mock: a small HTTP server that forwards every request to Prism and rewrites
// Prism's rejections into the error bodies OSM itself sends (see osm-errors.ts).
import { type IncomingMessage, type RequestListener, type ServerResponse, request } from 'node:http';
import { badRequestBody, noSuchApiBody, type OsmErrorBody, parseViolations, type PrismViolation, unauthorizedBody } from './osm-errors.js';

export interface ProxyOptions {
  /** Loopback port Prism listens on. */
  prismPort: number;
  /** Called once per answered request, for the access log. */
  onResponse?: (line: string) => void;
}

/** Prism's problem+json body, of which we need the error type and any validation list. */
interface PrismProblem {
  type?: string;
  validation?: PrismViolation[];
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function parseProblem(body: Buffer): PrismProblem {
  try {
    return JSON.parse(body.toString('utf8')) as PrismProblem;
  } catch {
    return {};
  }
}

/** The OSM-shaped replacement for one of Prism's rejections, or undefined to pass the response through. */
function rewrite(status: number, headers: IncomingMessage['headers'], body: Buffer, req: IncomingMessage): { status: number; body: OsmErrorBody } | undefined {
  if (status === 401) return { status: 401, body: unauthorizedBody() };
  const problem = headers['content-type']?.includes('problem+json') ? parseProblem(body) : undefined;
  if (status === 404 || status === 405) {
    if (problem?.type?.includes('NO_PATH_MATCHED') || problem?.type?.includes('NO_METHOD_MATCHED')) {
      return { status: 404, body: noSuchApiBody(req.method ?? 'GET', (req.url ?? '/').split('?')[0] ?? '/') };
    }
    return undefined;
  }
  if (status === 400 || status === 422) {
    const violations = parseViolations(headers['sl-violations']);
    const all = violations.length ? violations : problem?.validation ?? [];
    if (all.length || problem) return { status: 400, body: badRequestBody(all) };
  }
  return undefined;
}

/** Headers to copy onto a rewritten response: CORS, so browsers can read the error too. */
function corsHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('access-control-') && typeof value === 'string') out[name] = value;
  }
  return out;
}

function forward(req: IncomingMessage, res: ServerResponse, options: ProxyOptions): void {
  const started = performance.now();
  const log = (status: number) =>
    options.onResponse?.(`${req.method} ${req.url} -> ${status} (${Math.round(performance.now() - started)} ms)`);
  const upstream = request(
    { host: '127.0.0.1', port: options.prismPort, method: req.method, path: req.url, headers: req.headers },
    async (prismRes) => {
      const status = prismRes.statusCode ?? 502;
      if (status < 400) {
        res.writeHead(status, prismRes.headers);
        prismRes.pipe(res);
        log(status);
        return;
      }
      const body = await readBody(prismRes);
      const replacement = rewrite(status, prismRes.headers, body, req);
      if (!replacement) {
        res.writeHead(status, prismRes.headers).end(body);
        log(status);
        return;
      }
      const json = JSON.stringify(replacement.body);
      const headers: Record<string, string> = { ...corsHeaders(prismRes.headers), 'content-type': 'application/json' };
      const violations = prismRes.headers['sl-violations'];
      if (typeof violations === 'string') headers['sl-violations'] = violations;
      res.writeHead(replacement.status, headers).end(json);
      log(replacement.status);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) {
      res.writeHead(502, { 'content-type': 'application/json' });
    }
    res.end(JSON.stringify({ error_code: 'OSM.0004', error_msg: `Mock backend unavailable: ${error.message}` }));
    log(502);
  });
  req.pipe(upstream);
}

/** A request listener that forwards to Prism and rewrites its rejections. */
export function proxyTo(options: ProxyOptions): RequestListener {
  return (req, res) => forward(req, res, options);
}
