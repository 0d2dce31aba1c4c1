// The front door of the mock: a small HTTP server that forwards every request to Prism and makes the
// answer look like OSM's - Prism's rejections become OSM error bodies (see osm-errors.ts), binary
// responses become real files (see sample-files.ts), and the credential header length rule Prism
// cannot see is checked here.
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { request } from 'node:http';
import { corsHeaders } from './cors.js';
import { badRequestBody, noSuchApiBody, type OsmErrorBody, parseViolations, type PrismViolation, unauthorizedBody } from './osm-errors.js';
import { sampleFile } from './sample-files.js';
import type { MockedOperation, SpecModel } from './spec-model.js';

export interface ProxyOptions {
  /** Loopback port Prism listens on. */
  prismPort: number;
  /** Why Prism is gone, if it is; makes "backend unavailable" answers say why. */
  prismFailure?: () => string | undefined;
  /** The served spec. */
  spec: SpecModel;
  /** Called once per answered request, for the access log. */
  onResponse?: (line: string) => void;
}

/** Prism's problem+json body, of which we need the error type, detail and any validation list. */
interface PrismProblem {
  type?: string;
  detail?: string;
  validation?: PrismViolation[];
}

/** The body Prism's HTTP layer sends for a JSON request body it cannot parse. */
interface PrismBodyParseError {
  error?: { code?: string };
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function parseJson<T>(body: Buffer): T | undefined {
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** The media type of a Content-Type header, without parameters. */
function mediaTypeOf(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** A copy of `headers` without `name`. */
function without(headers: IncomingHttpHeaders, name: string): IncomingHttpHeaders {
  const copy = { ...headers };
  delete copy[name];
  return copy;
}

/** The OSM-shaped replacement for one of Prism's rejections, or undefined to pass the response through. */
function rewrite(status: number, headers: IncomingHttpHeaders, body: Buffer, req: IncomingMessage): { status: number; body: OsmErrorBody } | undefined {
  // Without violations a 4xx is an example the caller chose (Prefer: code=401): pass it through.
  const violations = parseViolations(headers['sl-violations']);
  if (status === 401) return violations.length ? { status: 401, body: unauthorizedBody() } : undefined;
  const problem = mediaTypeOf(headers) === 'application/problem+json' ? parseJson<PrismProblem>(body) : undefined;
  if (status === 404 || status === 405) {
    if (problem?.type?.includes('NO_PATH_MATCHED') || problem?.type?.includes('NO_METHOD_MATCHED')) {
      return { status: 404, body: noSuchApiBody(req.method ?? 'GET', (req.url ?? '/').split('?')[0] ?? '/') };
    }
    return undefined;
  }
  if (status === 400 || status === 422) {
    if (violations.length) return { status: 400, body: badRequestBody(violations) };
    if (problem) return { status: 400, body: badRequestBody(problem.validation ?? [{ message: problem.detail ?? 'Invalid request.' }]) };
    if (parseJson<PrismBodyParseError>(body)?.error?.code === 'invalid_json') {
      return { status: 400, body: badRequestBody([{ location: ['request', 'body'], message: 'must be well-formed JSON' }]) };
    }
  }
  return undefined;
}

/** Violations of the operation's credential header length rules (OpenAPI cannot state them for Prism). */
function headerViolations(req: IncomingMessage, operation: MockedOperation): PrismViolation[] {
  return operation.headerRules.flatMap((rule) => {
    const value = req.headers[rule.name.toLowerCase()];
    // An empty or absent header is Prism's business: no credentials, 401.
    if (typeof value !== 'string' || value === '') return [];
    const location = ['request', 'header', rule.name];
    if (value.length > rule.max) return [{ location, message: `must NOT have more than ${rule.max} characters` }];
    if (value.length < rule.min) return [{ location, message: `must NOT have fewer than ${rule.min} characters` }];
    return [];
  });
}

/**
 * The Accept header that lets Prism find the example named in `Prefer`. Prism looks for the example
 * only in the media type it negotiated, which for a download is the file type: `Prefer:
 * example=businessError` would then miss the JSON error example. Undefined when the caller chose.
 */
function acceptForPreferredExample(req: IncomingMessage, operation: MockedOperation): string | undefined {
  const accept = req.headers.accept;
  if (accept !== undefined && accept.trim() !== '*/*') return undefined;
  const prefer = String(req.headers.prefer ?? '');
  const example = /(?:^|[\s,;])example=("?)([^",;\s]+)\1/.exec(prefer)?.[2];
  if (!example) return undefined;
  const code = /(?:^|[\s,;])code=("?)(\d{3})\1/.exec(prefer)?.[2];
  return operation.exampleMediaType(example, code);
}

function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: OsmErrorBody, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...corsHeaders(req), ...extra, 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function forward(req: IncomingMessage, res: ServerResponse, options: ProxyOptions): void {
  const started = performance.now();
  const log = (status: number) =>
    options.onResponse?.(`${req.method} ${req.url} -> ${status} (${Math.round(performance.now() - started)} ms)`);
  const operation = options.spec.findOperation(req.method ?? 'GET', (req.url ?? '/').split('?')[0] ?? '/');

  const violations = operation ? headerViolations(req, operation) : [];
  if (violations.length) {
    req.resume();
    sendJson(req, res, 400, badRequestBody(violations));
    log(400);
    return;
  }
  const accept = operation && acceptForPreferredExample(req, operation);
  const headers = accept ? { ...req.headers, accept } : req.headers;

  const upstream = request(
    { host: '127.0.0.1', port: options.prismPort, method: req.method, path: req.url, headers },
    async (prismRes) => {
      const status = prismRes.statusCode ?? 502;
      const mediaType = mediaTypeOf(prismRes.headers);
      if (status < 300 && operation?.fileMediaTypes.has(mediaType)) {
        prismRes.resume();
        const file = sampleFile(mediaType);
        const fileHeaders = { ...without(prismRes.headers, 'transfer-encoding'), 'content-length': String(file.bytes.length), 'content-disposition': file.disposition };
        res.writeHead(status, fileHeaders).end(file.bytes);
        log(status);
        return;
      }
      if (status < 400) {
        // Prism copies a download's declared Content-Disposition onto its JSON answers (business
        // errors) too; they are not files.
        res.writeHead(status, operation?.fileMediaTypes.size ? without(prismRes.headers, 'content-disposition') : prismRes.headers);
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
      // Keep Prism's reasons in their usual header too, for tools that read it.
      const reasons = prismRes.headers['sl-violations'];
      sendJson(req, res, replacement.status, replacement.body, typeof reasons === 'string' ? { 'sl-violations': reasons } : {});
      log(replacement.status);
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) {
      res.destroy(error);
    } else {
      sendJson(req, res, 502, { error_code: 'OSM.0004', error_msg: `Mock backend unavailable: ${options.prismFailure?.() ?? error.message}` });
    }
    log(502);
  });
  req.pipe(upstream);
}

/** A request listener that forwards to Prism and makes its answers look like OSM's. */
export function proxyTo(options: ProxyOptions): RequestListener {
  return (req, res) => forward(req, res, options);
}
