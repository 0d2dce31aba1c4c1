// A fetch for the client that checks every exchange it carries against the spec, as suite 2 checks
// fixtures (closed objects, formats): the request the client sent and the answer the stateful mock gave.
import { snapshotRequest, snapshotResponse } from '@osm-openapi/fixture-format/capture';
import { checkExchange, type Exchange, matchPath } from '../../src/exchange-validator.js';
import { assertNoMismatches } from '../../src/report.js';
import { operations, type SpecOperation } from '../../src/spec-under-test.js';

/** The operation a request is for; a literal path segment wins over a parameter. */
function operationFor(method: string, path: string): SpecOperation {
  const literals = (op: SpecOperation) => op.path.split('/').filter((s) => !s.startsWith('{')).length;
  const found = operations.filter((op) => op.method === method && matchPath(op.path, path)).sort((a, b) => literals(b) - literals(a))[0];
  if (!found) throw new Error(`no operation for ${method} ${path}`);
  return found;
}

/** A fetch that throws as soon as a request or an answer does not match the spec; `checked` counts them. */
export function checkedFetch(baseUrl: string, fetch: (request: Request) => Promise<Response> = (r) => globalThis.fetch(r)) {
  const seen = new Set<string>();
  return {
    /** The operations checked so far. */
    checked: seen,
    fetch: async (request: Request): Promise<Response> => {
      const sent = await snapshotRequest(request, baseUrl);
      const response = await fetch(request);
      const exchange = { request: sent, response: await snapshotResponse(response) } as Exchange;
      const op = operationFor(request.method, exchange.request.path);
      assertNoMismatches(op.operationId, `(stateful journey: ${request.method} ${exchange.request.path})`, checkExchange(op, exchange));
      seen.add(op.operationId);
      return response;
    },
  };
}
