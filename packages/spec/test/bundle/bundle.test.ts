// The bundle is what consumers get: one document with every operation and no bundler artefacts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSpec, openapiYamlPath } from '../../dist/index.js';

type Operation = { operationId?: string; responses?: Record<string, unknown> };
const spec = loadSpec() as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, unknown>>;
};
const operations = Object.values(spec.paths).flatMap((item) =>
  Object.entries(item)
    .filter(([m]) => ['get', 'put', 'post', 'delete', 'patch'].includes(m))
    .map(([, op]) => op),
);

describe('bundled spec (dist/openapi.json)', () => {
  it('is OpenAPI 3.0 with all 95 operations, each with a unique operationId', () => {
    expect(spec.openapi).toMatch(/^3\.0\./);
    const ids = operations.map((op) => op.operationId);
    expect(ids).toHaveLength(95);
    expect(new Set(ids).size).toBe(95);
  });

  it('has no component renamed by the bundler (Name-2)', () => {
    for (const [kind, entries] of Object.entries(spec.components)) {
      for (const name of Object.keys(entries)) expect(`${kind}/${name}`).not.toMatch(/-\d+$/);
    }
  });

  it('has no jsonSchemaDialect (it silently turns off Prism body validation)', () => {
    expect(spec).not.toHaveProperty('jsonSchemaDialect');
  });

  it('declares the shared error responses on every operation', () => {
    for (const op of operations) {
      expect(Object.keys(op.responses ?? {}), op.operationId).toEqual(
        expect.arrayContaining(['200', '400', '401', '403', '429', '500', '503', 'default']),
      );
    }
  });

  it('says the same in YAML as in JSON', () => {
    expect(parse(readFileSync(openapiYamlPath, 'utf8'))).toEqual(spec);
  });
});
