// The bounded fuzz (issue 14): generated requests to every operation of a running mock on loopback -
// valid ones and each kind of broken one (see fuzz-requests.ts) - with a fixed seed and a fixed count.
// Whatever the request, the mock must answer (no hang, no dropped connection), never with a 5xx the
// caller did not ask for with Prefer, every 4xx an OSM error body that names what is wrong, every
// answer with CORS; and it must keep serving.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parsePrefer } from '../../src/engine/prefer.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { rawRequest } from '../support/raw-http.js';
import { specOperations } from '../support/spec-operations.js';
import { buildRequest, type FuzzRequest, mutation } from './fuzz-requests.js';

/** Requests per operation: 95 operations make about 3,800 requests. */
const RUNS = 40;
const SEED = 14;
const operations = specOperations();

/** Why an answer breaks the rules; undefined when it keeps them. */
function problemWith(request: FuzzRequest, answer: { status: number; headers: Record<string, unknown>; body: string }): string | undefined {
  if (!answer.headers['access-control-allow-origin']) return 'no CORS header';
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
  if (body.error_code === 'OSM.0001' && !/^Invalid request: .+: .+/.test(body.error_msg)) return `OSM.0001 naming nothing: ${body.error_msg}`;
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
    const counts = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}: ${n}`).join(', ');
    console.info(`fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests over ${operations.length} operations (seed ${SEED}); ${counts}`);
  });

  test.each(operations.map((o, index) => [o.operationId, o, index] as const))(`%s: ${RUNS} generated requests answered by the rules`, async (_, entry, index) => {
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
  });

  test('keeps serving after all of it', async () => {
    const after = await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: { 'X-Auth-Token': 't' } });
    expect(await after.json()).toEqual({ status: 0 });
  });
});
