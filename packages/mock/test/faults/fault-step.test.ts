// The fault step on its own (src/engine/steps/faults.ts): what it reads from `Prefer`, what it answers,
// what it passes on, and the seeded draws of the server-wide options. The answer from the spec is a stand-in
// here; the doors' part is in doors.test.ts.
import { loadSpec } from '@osm-openapi/spec';
import { beforeAll, describe, expect, test } from 'vitest';
import { modelOperation, type OperationModel } from '../../src/engine/operation-model.js';
import type { Exchange } from '../../src/engine/pipeline.js';
import { parsePrefer } from '../../src/engine/prefer.js';
import { prismOperations } from '../../src/engine/prism-operations.js';
import { selectResponse } from '../../src/engine/select-response.js';
import { type FaultOptions, injectFaults } from '../../src/engine/steps/faults.js';
import type { MockResponse } from '../../src/engine/types.js';

let status: OperationModel;

beforeAll(async () => {
  status = (await prismOperations(loadSpec())).map(modelOperation).find((o) => o.operationId === 'showCaseStatus')!;
});

/** An exchange of `GET .../status` as the Prefer step leaves it. */
function exchange(prefer?: string, signal?: AbortSignal): Exchange {
  const parsed = parsePrefer(prefer);
  const selection = selectResponse(status, parsed, undefined);
  if ('problem' in selection) throw new Error(selection.problem);
  const headers = prefer === undefined ? {} : { prefer };
  return {
    request: { method: 'GET', url: '/v2/servicerequest/cases/CS1/status', headers, signal },
    method: 'GET',
    path: '/v2/servicerequest/cases/CS1/status',
    search: '',
    cors: {},
    operation: status,
    verb: 'get',
    rawParams: { case_id: 'CS1' },
    prefer: parsed,
    selection,
    pathParams: {},
    query: new Map(),
    body: {},
    violations: [],
    reported: [],
  };
}

/** A stand-in for the answer from the spec: the status chosen, a JSON body. */
const fromSpec = (e: Exchange): MockResponse => ({
  status: e.selection!.status,
  headers: { 'content-type': 'application/json' },
  body: '{"error_code":"APIGW.0308"}',
});
const step = (options: Partial<FaultOptions> = {}) => injectFaults({ faults: 0, seed: 'osm', ...options }, fromSpec);

describe('Prefer', () => {
  test('nothing asked: passed on, no fault', async () => {
    const e = exchange();
    expect(await step()(e)).toBeUndefined();
    expect(e.fault).toBeUndefined();
  });

  test('delay=<ms> waits, then passes the request on', async () => {
    const started = performance.now();
    expect(await step()(exchange('delay=300'))).toBeUndefined();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  test.each([
    ['delay=abc', 'delay=abc: must be a whole number of milliseconds from 0 to 60000'],
    ['delay=60001', 'delay=60001: must be a whole number'],
    ['delay=-1', 'delay=-1: must be a whole number'],
    ['delay=1.5', 'delay=1.5: must be a whole number'],
    ['delay', 'delay: must be a whole number'],
    ['fault=explode', 'fault=explode: must be one of reset, truncate, hang'],
    ['code=429, retry-after=soon', 'retry-after=soon: must be a whole number of seconds from 0 to 86400'],
    ['retry-after=5', 'retry-after=5: goes with a 429 or 503 answer only (code=429, code=503)'],
    ['code=200, retry-after=5', 'retry-after=5: goes with a 429 or 503 answer only'],
  ])('%s is refused: 400 OSM.0001 naming it', async (prefer, rule) => {
    const answer = await step()(exchange(prefer));
    expect(answer?.status).toBe(400);
    const body = JSON.parse(answer!.body as string);
    expect(body.error_code).toBe('OSM.0001');
    expect(body.error_msg).toContain(`header parameter Prefer: ${rule}`);
  });

  test('code=429 answers at once (before OSM checks anything) with Retry-After: 1', async () => {
    const answer = await step()(exchange('code=429'));
    expect(answer).toMatchObject({ status: 429, headers: { 'retry-after': '1' } });
  });

  test('code=503, retry-after=7 answers 503 with Retry-After: 7', async () => {
    expect(await step()(exchange('code=503, retry-after=7'))).toMatchObject({ status: 503, headers: { 'retry-after': '7' } });
  });

  test("example=throttled (the 429's example) is the gateway's answer too", async () => {
    expect(await step()(exchange('example=throttled, retry-after=2'))).toMatchObject({ status: 429, headers: { 'retry-after': '2' } });
  });

  test('another code is left to the steps after', async () => {
    expect(await step()(exchange('code=500'))).toBeUndefined();
  });

  test('fault=reset and fault=hang answer nothing: status 0, the fault for the door', async () => {
    expect(await step()(exchange('fault=reset'))).toEqual({ status: 0, headers: {}, fault: 'reset' });
    expect(await step()(exchange('fault=hang'))).toEqual({ status: 0, headers: {}, fault: 'hang' });
  });

  test('fault=truncate passes the request on to be handled in full, and marks the exchange', async () => {
    const e = exchange('fault=truncate');
    expect(await step()(e)).toBeUndefined();
    expect(e.fault).toBe('truncate');
  });

  test('a caller that leaves during a delay gets nothing (and the wait ends then)', async () => {
    const left = new AbortController();
    setTimeout(() => left.abort(), 50);
    const started = performance.now();
    expect(await step()(exchange('delay=60000', left.signal))).toEqual({ status: 0, headers: {}, fault: 'reset' });
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});

describe('server-wide latency and faults', () => {
  /** What `n` requests meet in order: a status, a fault, or `-` for their own answer. */
  async function fates(options: Partial<FaultOptions>, n: number, prefer?: string): Promise<string[]> {
    const faulty = step(options);
    const seen: string[] = [];
    for (let i = 0; i < n; i++) {
      const e = exchange(prefer);
      const answer = await faulty(e);
      seen.push(answer?.fault ?? (answer ? String(answer.status) : (e.fault ?? '-')));
    }
    return seen;
  }

  test('the same seed gives the same faults in the same order; another seed others', async () => {
    const first = await fates({ faults: 0.5, seed: 'x' }, 60);
    expect(await fates({ faults: 0.5, seed: 'x' }, 60)).toEqual(first);
    expect(await fates({ faults: 0.5, seed: 'y' }, 60)).not.toEqual(first);
  });

  test('about the share asked for, drawn from 429, 503, reset and truncate', async () => {
    const seen = await fates({ faults: 0.25, seed: 'share' }, 400);
    const faulted = seen.filter((f) => f !== '-');
    expect(faulted.length).toBeGreaterThan(60);
    expect(faulted.length).toBeLessThan(140);
    expect(new Set(faulted)).toEqual(new Set(['429', '503', 'reset', 'truncate']));
    expect(await fates({ faults: 0, seed: 'share' }, 50)).toEqual(Array(50).fill('-'));
    expect(await fates({ faults: 1, seed: 'share' }, 50)).not.toContain('-');
  });

  test('a request that asks for a code, an example or a fault of its own never gets a random one', async () => {
    expect(await fates({ faults: 1, seed: 'x' }, 20, 'code=200')).toEqual(Array(20).fill('-'));
    expect(await fates({ faults: 1, seed: 'x' }, 20, 'example=businessError')).toEqual(Array(20).fill('-'));
    expect(await fates({ faults: 1, seed: 'x' }, 20, 'fault=truncate')).toEqual(Array(20).fill('truncate'));
  });

  test("the latency delays each request by at least the range's minimum", async () => {
    const started = performance.now();
    await fates({ latency: [100, 150], seed: 'x' }, 3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('Prefer: delay replaces the latency drawn', async () => {
    const started = performance.now();
    await fates({ latency: [60_000, 60_000], seed: 'x' }, 2, 'delay=0');
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
