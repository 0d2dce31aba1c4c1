// Suite 5: the client sends every fixture's request to the mock (one mock for the run), and
// - what the client sent is what the fixture recorded (path and query serialization),
// - the request and the mock's response both validate against the spec (closed objects, formats),
// - the client's result is right: `error` with the body's error_code for OSM errors, `data` otherwise.
import { createOsmClient } from '@osm-openapi/client';
import { capturingFetch } from '@osm-openapi/fixture-format/capture';
import { clientInit } from '@osm-openapi/record-fixtures/record';
import { afterAll, describe, inject, it } from 'vitest';
import { checkExchange, type Exchange } from '../../src/exchange-validator.js';
import { callFromFixture } from '../../src/fixture-calls.js';
import { type Fixture, loadFixtures } from '../../src/fixtures.js';
import { assertNoMismatches, reportChecked } from '../../src/report.js';
import type { Mismatch } from '../../src/schema-validator.js';
import { operations, type SpecOperation, spec } from '../../src/spec-under-test.js';

const baseUrl = inject('mockUrl');
const capture = capturingFetch(baseUrl);
const common = { baseUrl, fetch: capture.fetch, retry: false as const };
const clients = { withAuth: createOsmClient({ ...common, auth: { token: 'contract-tests-token' } }), withoutAuth: createOsmClient(common) };
const fixtures = loadFixtures();

type Send = (path: string, init: object) => Promise<{ data?: unknown; error?: { code: string }; response: Response }>;

/** Differences between the request the client sent and the one the fixture recorded. */
function requestDifferences(fixture: Fixture, sent: Exchange['request']): Mismatch[] {
  const out: Mismatch[] = [];
  if (sent.path !== fixture.request.path) out.push({ pointer: '/request/path', message: `the client sent ${sent.path}` });
  if (JSON.stringify(sent.query) !== JSON.stringify(fixture.request.query)) {
    out.push({ pointer: '/request/query', message: `the client sent ${JSON.stringify(sent.query)}` });
  }
  return out;
}

/** Whether the client's result says what the response says. */
function resultDifferences(result: Awaited<ReturnType<Send>>, exchange: Exchange): Mismatch[] {
  const body = exchange.response.body as { error_code?: unknown } | undefined;
  const errorCode = typeof body === 'object' && body && typeof body.error_code === 'string' ? body.error_code : undefined;
  if (errorCode && result.error?.code !== errorCode) {
    return [
      {
        pointer: '/response/body/error_code',
        message: `the client's error is ${result.error?.code ?? 'missing'}, the body says ${errorCode}`,
      },
    ];
  }
  if (!errorCode && exchange.response.status < 400 && (result.error || result.data === undefined)) {
    return [{ pointer: '/response/body', message: `the client gave no data (error: ${result.error?.code ?? 'none'})` }];
  }
  return [];
}

async function replay(op: SpecOperation, fixture: Fixture, file: string): Promise<void> {
  const call = callFromFixture(op, fixture);
  const client = call.auth === false ? clients.withoutAuth : clients.withAuth;
  const send = (client as unknown as Record<string, Send>)[op.method];
  if (!send) throw new Error(`${op.operationId}: the client has no ${op.method} method`);
  const result = await send(op.path, clientInit(spec, op.operation, call));
  const exchange = capture.take() as Exchange | undefined;
  if (!exchange) throw new Error(`${op.operationId} ${file}: the client sent no request`);
  const mismatches = [
    ...requestDifferences(fixture, exchange.request),
    ...checkExchange(op, exchange),
    ...resultDifferences(result, exchange),
  ];
  assertNoMismatches(op.operationId, `${file} (replayed against the mock)`, mismatches);
}

describe('5 client vs mock', () => {
  afterAll(() => reportChecked('client vs mock', operations.length, `${[...fixtures.values()].flat().length} calls`));

  describe.each(operations.map((op) => [op.operationId, { op, own: fixtures.get(op.operationId) ?? [] }] as const))(
    '%s',
    (_, { op, own }) => {
      it('has fixtures to replay', () => {
        if (!own.length) throw new Error(`${op.operationId}: no fixture to replay in fixtures/${op.operationId}/`);
      });

      it.each(own.map((f) => [f.file, f] as const))('%s', async (_, { fixture, file }) => replay(op, fixture, file));
    },
  );
});
