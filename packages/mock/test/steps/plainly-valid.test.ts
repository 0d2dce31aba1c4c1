// Plainly valid requests skip Prism's validator: the verdict must never pass a request Prism would find
// fault with. Checked on the fixture by example, then on every body-less operation of the bundled spec
// against Prism itself, with values drawn around each rule (lengths at their bounds, code points outside
// the BMP, enum members and near misses, escapes in the path, parameters left out).
import { loadSpec } from '@osm-openapi/spec';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { modelOperation, type OperationModel, type ParameterModel } from '../../src/engine/operation-model.js';
import { plainlyValid } from '../../src/engine/plainly-valid.js';
import { validateWithPrism } from '../../src/engine/prism.js';
import { prismOperations } from '../../src/engine/prism-operations.js';
import { checkedHere } from '../../src/engine/request-checks.js';
import { Router } from '../../src/engine/router.js';
import { decodeParameters } from '../../src/engine/steps/decode.js';
import { checkParameters } from '../../src/engine/steps/parameters.js';
import { prismInput } from '../../src/engine/steps/prism-validation.js';
import { routeRequest } from '../../src/engine/steps/route.js';
import { arrival, exchange, request } from './exchange.js';

/** The exchange after the steps before Prism's (decoding, parameter checks). */
function checked(ex: ReturnType<typeof exchange>) {
  decodeParameters(ex);
  checkParameters(ex);
  return ex;
}

describe('plainly valid requests (the fixture)', () => {
  test('every parameter sent keeps its rules and the required ones are there: plainly valid', () => {
    expect(plainlyValid(checked(exchange(request('GET', '/v1/gauges/g1?limit=3&unit=psi'))))).toBe(true);
    expect(plainlyValid(checked(exchange(request('GET', '/v1/gauges/g1?limit=3'))))).toBe(true);
  });

  test.each([
    ['a required parameter left out', '/v1/gauges/g1'],
    ['a string over its maxLength', '/v1/gauges/g123456789?limit=3'],
    ['a value outside its enum', '/v1/gauges/g1?limit=3&unit=kpa'],
    ['an integer out of range (a violation already found)', '/v1/gauges/g1?limit=30'],
    ['an escaped path value', '/v1/gauges/g%31?limit=3'],
    ['an empty value', '/v1/gauges/g1?limit=3&unit='],
  ])('%s goes to Prism', (_, url) => {
    expect(plainlyValid(checked(exchange(request('GET', url))))).toBe(false);
  });

  test('an operation with a body goes to Prism', () => {
    expect(plainlyValid(checked(exchange(request('PUT', '/v1/gauges/g1', { 'content-type': 'application/json' }, '{"level":1}'))))).toBe(
      false,
    );
  });
});

describe('plainly valid requests (the bundled spec, against Prism)', async () => {
  const operations = (await prismOperations(loadSpec())).map(modelOperation).filter((op) => !op.bodies.length);
  const router = new Router<() => OperationModel>();
  for (const operation of operations) router.add(operation.method, operation.pathTemplate, () => operation);
  const byId = new Map(operations.map((op) => [op.operationId, op]));

  /** Values around a parameter's rules. */
  const valueFor = (parameter: ParameterModel): fc.Arbitrary<string> => {
    const { schema } = parameter;
    if (checkedHere(parameter)) return fc.constantFrom('0', '1', '2', '10', '-1', 'x');
    const bounds = [schema.minLength, schema.maxLength].filter((n): n is number => typeof n === 'number');
    const lengths = bounds.flatMap((n) => [n - 1, n, n + 1]).filter((n) => n >= 0);
    return fc.oneof(
      ...(schema.enum ?? []).map((member) => fc.constant(String(member))),
      fc.constantFrom(...lengths, 0, 1, 3).chain((n) => fc.constantFrom('a'.repeat(n), '\u{1F600}'.repeat(n), `${'b'.repeat(n)}%41`)),
      fc.string({ maxLength: 6 }),
    );
  };

  test('a request found plainly valid is one Prism finds nothing wrong with', () => {
    let plain = 0;
    fc.assert(
      fc.property(
        // Drawn by operationId, so that a counterexample reads short.
        fc
          .constantFrom(...operations.map((op) => op.operationId))
          .chain((id) =>
            fc.tuple(
              fc.constant(id),
              fc.tuple(...byId.get(id)!.parameters.map((p) => fc.option(valueFor(p), { freq: p.required ? 8 : 2 }))),
            ),
          ),
        ([id, values]) => {
          const operation = byId.get(id)!;
          const headers: Record<string, string> = {};
          const query = new URLSearchParams();
          let path = operation.pathTemplate;
          operation.parameters.forEach((parameter, i) => {
            const value = values[i];
            if (parameter.in === 'path')
              path = path.replace(`{${parameter.name}}`, value ? encodeURIComponent(value).replace('%2541', '%41') : 'x');
            else if (value === null || value === undefined) return;
            else if (parameter.in === 'query') query.append(parameter.name, value);
            else if (/^[\t\x20-\x7e]*$/.test(value)) headers[parameter.name.toLowerCase()] = value;
          });
          const routed = routeRequest(router, arrival({ method: operation.method.toUpperCase(), url: `${path}?${query}`, headers }));
          if (!('operation' in routed)) return;
          const ex = checked(routed);
          if (!plainlyValid(ex)) return;
          plain += 1;
          const found = validateWithPrism(operation.prism, prismInput(ex)).filter(
            (d) =>
              d.severity === 0 &&
              !ex.operation.parameters.some(
                (p) => checkedHere(p) && p.in === d.path?.[0] && p.name.toLowerCase() === String(d.path?.[1]).toLowerCase(),
              ),
          );
          expect(found).toEqual([]);
        },
      ),
      { numRuns: 3000, seed: 20261207 },
    );
    // Not vacuous: a good share of the requests drawn were judged plainly valid.
    expect(plain).toBeGreaterThan(300);
  });
});
