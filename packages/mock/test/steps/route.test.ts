// Routing: literal segments before parameters, HEAD as GET, OSM's 404 for anything else, parameters
// kept as sent, and an operation's model made once, on the first request for it.
import { describe, expect, test } from 'vitest';
import { Router } from '../../src/engine/router.js';
import { routeRequest } from '../../src/engine/steps/route.js';
import { arrival, bodyOf, fixtureRouter, request } from './exchange.js';

describe('routing step', () => {
  test('a literal segment wins over a parameter', () => {
    const routed = routeRequest(fixtureRouter(), arrival(request('GET', '/v1/gauges/export')));
    expect('operation' in routed && routed.operation.operationId).toBe('exportGauges');
  });

  test('path parameters are kept percent-encoded for the decoding step', () => {
    const routed = routeRequest(fixtureRouter(), arrival(request('GET', '/v1/gauges/a%2Fb')));
    expect('operation' in routed && routed.rawParams).toEqual({ gauge_id: 'a%2Fb' });
  });

  test('HEAD is routed to the GET operation', () => {
    const routed = routeRequest(fixtureRouter(), arrival(request('HEAD', '/v1/gauges/g1')));
    expect('operation' in routed && [routed.operation.operationId, routed.verb]).toEqual(['showGauge', 'get']);
  });

  test('an unknown path or method is 404 APIGW.0101 naming it', () => {
    for (const [method, path] of [
      ['GET', '/v1/nothing'],
      ['DELETE', '/v1/gauges/g1'],
    ] as const) {
      const routed = routeRequest(fixtureRouter(), arrival(request(method, path)));
      expect('status' in routed && routed.status).toBe(404);
      expect(bodyOf('status' in routed ? routed : undefined)).toMatchObject({ error_code: 'APIGW.0101' });
      expect(bodyOf('status' in routed ? routed : undefined).error_msg).toContain(path);
    }
  });

  test("an operation's model is made on the first request routed to it, once", () => {
    let made = 0;
    const router = new Router<() => never>();
    const model = { operationId: 'x', method: 'get', pathTemplate: '/x' } as never;
    router.add('get', '/x', () => {
      made++;
      return model;
    });
    routeRequest(router, arrival(request('GET', '/other')));
    expect(made).toBe(0);
    const routed = routeRequest(router, arrival(request('GET', '/x')));
    expect('operation' in routed && routed.operation).toBe(model);
  });
});
