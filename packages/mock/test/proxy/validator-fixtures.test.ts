// The response validator finds nothing wrong with answers known to be right: every recorded fixture of
// the contract tests (all operations, success, business errors, 4xx/5xx) is checked as if OSM had sent it.
// With the planted drift of proxy-exchange.test.ts, this shows the validator tells the two apart.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, test } from 'vitest';
import { ResponseValidator } from '../../src/proxy/response-validator.js';

const FIXTURES = fileURLToPath(new URL('../../../contract-tests/fixtures', import.meta.url));
const spec = loadSpec() as { paths: Record<string, Record<string, { operationId?: string }>> };
const operations = new Map<string, { method: string; pathTemplate: string }>();
for (const [pathTemplate, item] of Object.entries(spec.paths))
  for (const [method, operation] of Object.entries(item))
    if (operation?.operationId) operations.set(operation.operationId, { method, pathTemplate });

const fixtures = readdirSync(FIXTURES).flatMap((operationId) =>
  readdirSync(join(FIXTURES, operationId)).map((file) => ({ operationId, file })),
);

describe('the response validator on every contract-test fixture', () => {
  const validator = new ResponseValidator(spec);
  test(`finds no violation in ${fixtures.length} fixtures of ${operations.size} operations`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(operations.size);
    const found = fixtures.flatMap(({ operationId, file }) => {
      const { response } = JSON.parse(readFileSync(join(FIXTURES, operationId, file), 'utf8'));
      const binary = response.bodyEncoding === 'base64';
      const body =
        response.body === undefined
          ? { none: true as const }
          : binary
            ? { unread: true as const }
            : { bytes: Buffer.from(typeof response.body === 'string' ? response.body : JSON.stringify(response.body)) };
      return validator
        .check(operations.get(operationId)!, { status: response.status, headers: response.headers, body })
        .map((v) => `${operationId}/${file}: ${v.kind} ${v.where} ${v.rule}`);
    });
    expect(found).toEqual([]);
  });
});
