// Two validators nobody here configured read the bundle as any consumer would, beside Redocly's lint:
// swagger-parser (the validator under many generators) and Spectral with its stock `spectral:oas` ruleset.
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import spectralRulesets from '@stoplight/spectral-rulesets';
import { describe, expect, it } from 'vitest';
import { openapiJsonPath } from '../../dist/index.js';

const { Document, Spectral } = spectralCore;
const bundleText = readFileSync(openapiJsonPath, 'utf8');

/** Spectral's errors and warnings for a document (`extends: spectral:oas`, its recommended rules). */
async function spectralProblems(text: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset({ extends: [[spectralRulesets.oas, 'recommended']] } as never);
  const results = await spectral.run(new Document(text, spectralParsers.Json, openapiJsonPath));
  // severity 0 = error, 1 = warning; information and hints are advice, not defects.
  return results.filter((r) => r.severity <= 1).map((r) => `${r.code} at ${r.path.join('.')}: ${r.message}`);
}

describe('peer validators accept dist/openapi.json', () => {
  it('@apidevtools/swagger-parser validates it (schema and $refs)', async () => {
    await expect(SwaggerParser.validate(openapiJsonPath)).resolves.toMatchObject({ openapi: expect.stringMatching(/^3\.0\./) });
  });

  it("Spectral's spectral:oas ruleset finds no error and no warning", async () => {
    expect(await spectralProblems(bundleText)).toEqual([]);
  });

  it('Spectral does report a broken document (duplicate operationId, no contact)', async () => {
    // A small document, so that the control costs little: the harness must surface errors and warnings.
    const responses = { '200': { description: 'OK' } };
    const broken = {
      openapi: '3.0.3',
      info: { title: 'Broken', version: '1', description: 'A deliberately broken document.' },
      servers: [{ url: 'https://example.com' }],
      tags: [{ name: 'T', description: 'A tag.' }],
      paths: {
        '/a': { get: { operationId: 'same', summary: 'A', description: 'A.', tags: ['T'], responses } },
        '/b': { get: { operationId: 'same', summary: 'B', description: 'B.', tags: ['T'], responses } },
      },
    };
    const problems = await spectralProblems(JSON.stringify(broken));
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^info-contact/), expect.stringMatching(/^operation-operationId-unique/)]),
    );
  });

  it('swagger-parser does reject a broken copy (a $ref to nothing)', async () => {
    const broken = JSON.parse(bundleText);
    broken.paths['/v2/servicerequest/cases'].get.responses['400'] = { $ref: '#/components/responses/Nothing' };
    await expect(SwaggerParser.validate(broken)).rejects.toThrow(/Nothing/);
  });
});
