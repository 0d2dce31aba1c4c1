// Named examples are answered by the engine itself (static-answer.ts) instead of Prism's mocker, whose
// data generator is loaded only for generated data: for every example of every operation of the bundled
// spec, both give the same headers and body.
import { loadSpec } from '@osm-openapi/spec';
import { expect, test } from 'vitest';
import { hasFileResponses, modelOperation } from '../../src/engine/operation-model.js';
import { mockWithPrism } from '../../src/engine/prism-mocker.js';
import { prismOperations } from '../../src/engine/prism-operations.js';
import { staticAnswer } from '../../src/engine/static-answer.js';

test('every example answers as Prism would answer it', async () => {
  let compared = 0;
  for (const operation of (await prismOperations(loadSpec())).map(modelOperation)) {
    for (const response of operation.responses) {
      for (const content of response.contents) {
        for (const example of [undefined, ...content.examples]) {
          const status = response.code === 'default' ? 502 : Number(response.code);
          const selection = { status, content, example };
          const ours = staticAnswer(operation.prism, selection);
          if (content.file) continue;
          const prism = mockWithPrism(
            operation.prism,
            { method: operation.method, path: operation.pathTemplate, query: {}, headers: {}, body: undefined },
            { code: status, mediaType: content.mediaType, example, dynamic: false },
          );
          const where = `${operation.operationId} ${response.code} ${content.mediaType} ${example ?? '(first)'}`;
          expect(prism.ok, where).toBe(true);
          if (!prism.ok) continue;
          // Content-Type is the engine's to set; a download's Content-Disposition is never sent with JSON.
          // Header values are compared as the engine writes them, as text (Prism gives `Retry-After: 1` a number).
          const ignored = ['content-type', ...(hasFileResponses(operation) ? ['content-disposition'] : [])];
          const prismHeaders = Object.fromEntries(
            Object.entries(prism.headers)
              .filter(([name]) => !ignored.includes(name.toLowerCase()))
              .map(([name, value]) => [name, String(value)]),
          );
          expect(ours, where).toEqual({ headers: prismHeaders, body: prism.body });
          compared++;
        }
      }
    }
  }
  expect(compared).toBeGreaterThan(300);
});
