// The catalogue the client ships is generated from spec/error-codes.yaml; this keeps it from drifting
// (a stale src/generated after an edit of the YAML fails here).
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { errorCatalogue, OsmError } from '../../src/index.js';

interface YamlEntry {
  code: string;
  http_status: number;
  message: string;
  description: string;
  solution: string;
}

const yaml = parse(readFileSync(new URL('../../../../spec/error-codes.yaml', import.meta.url), 'utf8')) as { codes: YamlEntry[] };

test('errorCatalogue equals spec/error-codes.yaml, code by code', () => {
  const fromYaml = Object.fromEntries(yaml.codes.map(({ code, description, solution }) => [code, { description, solution }]));
  expect(errorCatalogue).toEqual(fromYaml);
});

test('every catalogue code gets its description and solution on an OsmError', () => {
  for (const entry of yaml.codes) {
    const error = new OsmError({ code: entry.code, message: entry.message, httpStatus: entry.http_status });
    expect({ description: error.description, solution: error.solution }).toEqual({
      description: entry.description,
      solution: entry.solution,
    });
  }
});

test('a code that only looks like an Object.prototype key is not catalogued', () => {
  const error = new OsmError({ code: 'toString', message: 'x', httpStatus: 500 });
  expect(error.description).toBeUndefined();
  expect(error.isCatalogued()).toBe(false);
});
