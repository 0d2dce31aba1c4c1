// The bounded fuzz (issue 14): generated requests to every operation of a running mock on loopback -
// valid ones and each kind of broken one (see fuzz-requests.ts) - with a fixed seed and a fixed count.
// Whatever the request, the mock must answer (no hang, no dropped connection), never with a 5xx the
// caller did not ask for with Prefer, every 4xx an OSM error body that names what is wrong, every
// answer with CORS and without a stack trace, a file path or a library name; and it must keep serving.
// The same requests (fewer of them) go through the MSW handlers in Node, under the same rules.
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePrefer } from '../../src/engine/prefer.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { osmHandlers } from '../../src/msw/node.js';
import { leakIn } from '../support/leaks.js';
import { rawRequest } from '../support/raw-http.js';
import { specOperations } from '../support/spec-operations.js';
import { buildRequest, type FuzzRequest, mutation } from './fuzz-requests.js';

/** Requests per operation: 95 operations make about 3,800 requests. */
const RUNS = 40;
/** Requests per operation through MSW: about 1,400. */
const MSW_RUNS = 15;
const SEED = 14;
const MSW_URL = 'https://fuzz.osm.test';
const operations = specOperations();

/** Why an answer breaks the rules; undefined when it keeps them. */
function problemWith(request: FuzzRequest, answer: { status: number; headers: Record<string, unknown>; body: string }): string | undefined {
  if (!answer.headers['access-control-allow-origin']) return 'no CORS header';
  const error = answer.status >= 400 || answer.body.includes('"error_code"');
  const leak =
    leakIn(answer.body, error) ??
    Object.values(answer.headers)
      .map((value) => leakIn(String(value), error))
      .find(Boolean);
  if (leak) return leak;
  const asked = parsePrefer(request.headers.Prefer).code;
  if (answer.status >= 500 && answer.status !== asked) return `a ${answer.status} nobody asked for: ${answer.body.slice(0, 300)}`;
  if (answer.status < 400 || answer.status === asked) return undefined;
  let body: { error_code?: unknown; error_msg?: unknown };
  try {
    body = JSON.parse(answer.body) as typeof body;
  } catch {
    return `a ${answer.status} without a JSON body: ${answer.body.slice(0, 200)}`;
  }
  if (typeof body.error_code !== 'string' || typeof body.error_msg !== 'string') return `a ${answer.status} without an OSM error body`;
  if (body.error_code === 'OSM.0001' && !/^Invalid request: .+: .+/.test(body.error_msg))
    return `OSM.0001 naming nothing: ${body.error_msg}`;
  if (!['OSM.0001', 'OSM.0002', 'APIGW.0101'].includes(body.error_code)) return `unexpected code ${body.error_code}`;
  return undefined;
}

describe('bounded fuzz over every operation', () => {
  let mock: RunningMock;
  const statuses = new Map<number, number>();
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(async () => {
    await mock.close();
    const counts = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
    console.info(
      `fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests over ${operations.length} operations (seed ${SEED}); ${counts}`,
    );
  });

  test.each(operations.map((o, index) => [o.operationId, o, index] as const))(
    `%s: ${RUNS} generated requests answered by the rules`,
    async (_, entry, index) => {
      await fc.assert(
        fc.asyncProperty(mutation, async (change) => {
          const request = await buildRequest(entry, change);
          const answer = await rawRequest(mock.port, request.method, request.path, request.headers, request.body);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const problem = problemWith(request, answer);
          if (problem) throw new Error(`${change.kind}: ${request.method} ${request.path.slice(0, 200)} -> ${answer.status}: ${problem}`);
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    },
  );

  test('keeps serving after all of it', async () => {
    const after = await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: { 'X-Auth-Token': 't' } });
    expect(await after.json()).toEqual({ status: 0 });
  });
});

/** Node's default limit on a request's headers. */
const NODE_MAX_HEADER_BYTES = 16 * 1024;
/** About how many bytes a request's headers take on the wire. */
function headerBytes(request: FuzzRequest): number {
  return Object.entries(request.headers).reduce((bytes, [name, value]) => bytes + name.length + value.length + 4, 0);
}

describe('bounded fuzz through the MSW handlers', () => {
  const server = setupServer(...osmHandlers({ baseUrl: MSW_URL }));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  test.each(operations.map((o, index) => [o.operationId, o, index] as const))(
    `%s: ${MSW_RUNS} generated requests answered by the rules`,
    async (_, entry, index) => {
      await fc.assert(
        fc.asyncProperty(mutation, async (change) => {
          const request = await buildRequest(entry, change);
          // fetch sends no body with GET or HEAD.
          const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body && new Uint8Array(request.body);
          const sent = fetch(`${MSW_URL}${request.path}`, { method: request.method, headers: request.headers, body });
          // msw 3 reads the request with Node's HTTP parser, which may drop a connection whose headers pass
          // 16 KiB before any handler runs (msw 2 handed every such request to the handlers, which answer 431):
          // for those, a dropped connection is an answer too. A long URL always reaches the handlers.
          const response = await sent.catch((error: unknown) => {
            if (headerBytes(request) > NODE_MAX_HEADER_BYTES && error instanceof TypeError && error.message === 'fetch failed')
              return undefined;
            throw error;
          });
          if (!response) return;
          const answer = { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
          const problem = problemWith(request, answer);
          if (problem) throw new Error(`${change.kind}: ${request.method} ${request.path.slice(0, 200)} -> ${answer.status}: ${problem}`);
        }),
        { seed: SEED + index, numRuns: MSW_RUNS, endOnFailure: true },
      );
    },
  );
});
