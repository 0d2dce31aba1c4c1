// What the engine gives the doors for overrides: a route look-up that reads no body, and responders for
// one call only, asked before its own.
import { loadSpec } from '@osm-openapi/spec';
import { beforeAll, describe, expect, test } from 'vitest';
import { createEngine, type Engine } from '../../src/engine/engine.js';
import type { Responder } from '../../src/engine/types.js';

const TOKEN = { 'x-auth-token': 't' };
const status = { method: 'GET', url: '/v2/servicerequest/cases/CS1/status', headers: TOKEN };
const own: Responder = (request) => (request.operationId === 'showCaseStatus' ? { status: 200, body: { status: 1 } } : undefined);

describe('createEngine()', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await createEngine({ document: loadSpec(), responders: [own] });
  });

  test('route() names the operation a request would reach; HEAD reaches GET; no operation: undefined', () => {
    const showCaseStatus = { operationId: 'showCaseStatus', method: 'get', pathTemplate: '/v2/servicerequest/cases/{case_id}/status' };
    expect(engine.route('GET', '/v2/servicerequest/cases/CS%201/status?x=1')).toEqual(showCaseStatus);
    expect(engine.route('HEAD', '/v2/servicerequest/cases/CS1/status')).toEqual(showCaseStatus);
    expect(engine.route('GET', '/v2/servicerequest/cases/export')).toMatchObject({ operationId: 'downloadCases' });
    expect(engine.route('DELETE', '/v2/servicerequest/cases/CS1/status')).toBeUndefined();
    expect(engine.route('GET', '/v2/nothing')).toBeUndefined();
  });

  test("handle(request, { responders }) asks them first, for that call only; the engine's own answer otherwise", async () => {
    const call: Responder = () => ({ status: 200, body: { status: 4 } });
    expect(JSON.parse(String((await engine.handle(status, { responders: [call] })).body))).toEqual({ status: 4 });
    expect(JSON.parse(String((await engine.handle(status)).body))).toEqual({ status: 1 });
    // A call's responder that steps aside leaves the request to the engine's own.
    expect(JSON.parse(String((await engine.handle(status, { responders: [() => undefined] })).body))).toEqual({ status: 1 });
  });

  test("a call's responders see only valid requests", async () => {
    let asked = false;
    const answer = await engine.handle(
      { ...status, headers: {} },
      {
        responders: [
          () => {
            asked = true;
            return undefined;
          },
        ],
      },
    );
    expect(answer.status).toBe(401);
    expect(asked).toBe(false);
  });
});
