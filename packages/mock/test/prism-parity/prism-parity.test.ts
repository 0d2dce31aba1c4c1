// Guards the places where the engine stands in for Prism's HTTP server (its Prefer parsing and its
// serializer are internal files of @stoplight/prism-http-server, so the engine has its own): against
// the pinned Prism they must behave as Prism's own server does; an upgrade that changes that fails here.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngine } from '../../src/engine/engine.js';
import { parsePrefer } from '../../src/engine/prefer.js';
import { type RunningMock, startMock } from '../../src/index.js';
import { namedExamples, specOperations, validRequest } from '../support/spec-operations.js';

const prismServer = createRequire(import.meta.url).resolve('@stoplight/prism-http-server');
const { getHttpConfigFromRequest } = createRequire(prismServer)('./getHttpConfigFromRequest') as {
  getHttpConfigFromRequest(
    input: object,
  ): { _tag: 'Left' } | { _tag: 'Right'; right: { code?: number; exampleKey?: string; dynamic?: boolean; seed?: string } };
};
const { serialize } = createRequire(prismServer)('./serialize') as { serialize(body: unknown, contentType: string): string };

/** What Prism's server reads from a Prefer header: an error, or its choices. */
function prismReads(header: string) {
  const read = getHttpConfigFromRequest({ headers: { prefer: header }, url: { path: '/' } });
  if (read._tag === 'Left') return 'invalid';
  const { code, exampleKey: example, dynamic, seed } = read.right;
  return { code, example, dynamic, seed };
}

function engineReads(header: string) {
  const parsed = parsePrefer(header);
  return parsed.invalid.length ? 'invalid' : { code: parsed.code, example: parsed.example, dynamic: parsed.dynamic, seed: parsed.seed };
}

describe('Prefer: read as Prism reads it', () => {
  test.each([
    'code=401',
    'code=401, example=unauthorized',
    'example=businessError',
    'example="business Error"',
    'code=200; example=ignored',
    'code=abc',
    'code=4010',
    'code',
    'example',
    'dynamic=true, seed=abc',
    'dynamic=yes',
    'Code=500',
    'code=401, code=500',
    'respond-async, wait=10, code=404',
    '-code=201',
    ' , ,code=202',
    '',
  ])('%j', (header) => {
    expect(engineReads(header)).toEqual(prismReads(header));
  });

  test('any header built from the characters that matter', () => {
    const piece = fc.constantFrom(
      'code',
      'example',
      'dynamic',
      'seed',
      'Code',
      'ex-ample',
      '_code',
      '=',
      ',',
      ';',
      '"',
      ' ',
      '200',
      '4010',
      'true',
      'x',
      '-',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
        (header) => {
          expect(engineReads(header)).toEqual(prismReads(header));
        },
      ),
      { seed: 14, numRuns: 2000 },
    );
  });
});

describe("answers: serialized as Prism's server serializes them", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  const jsonExamples = specOperations().flatMap((entry) =>
    namedExamples(entry)
      .filter((e) => e.mediaType.includes('json'))
      .map((example) => [`${entry.operationId} ${example.status} ${example.name}`, entry, example] as const),
  );

  test.each(jsonExamples)('%s', async (_, entry, example) => {
    const { url, init } = validRequest(entry, {
      Prefer: `code=${example.status === 'default' ? 502 : example.status}, example=${example.name}`,
    });
    const response = await fetch(`${mock.url}${url}`, init);
    expect(await response.text()).toBe(serialize(example.value, example.mediaType));
  });
});

describe('dynamic data: no invented properties (json-schema-faker shared with Prism)', () => {
  test('an object schema that allows extra properties gets only the declared ones', async () => {
    const document = {
      openapi: '3.0.3',
      info: { title: 'open object', version: '1' },
      paths: {
        '/thing': {
          get: {
            operationId: 'getThing',
            responses: {
              '200': {
                description: 'a thing',
                content: {
                  'application/json': {
                    schema: { type: 'object', required: ['a', 'b'], properties: { a: { type: 'string' }, b: { type: 'integer' } } },
                  },
                },
              },
            },
          },
        },
      },
    };
    const engine = await createEngine({ document, dynamic: true, seed: 'parity' });
    for (let i = 0; i < 20; i++) {
      const answer = await engine.handle({ method: 'GET', url: '/thing', headers: {} });
      expect(answer.status).toBe(200);
      expect(Object.keys(JSON.parse(String(answer.body))).sort()).toEqual(['a', 'b']);
    }
  });
});
