// The bundle must say exactly what the hand-written sources say: every number (compared as exact
// integers, never through JavaScript's doubles), every string and every description.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openapiJsonPath, openapiYamlPath } from '../../dist/index.js';
import { dereferenceFile, differences, parseExact } from './resolve.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const sources = dereferenceFile(join(root, 'spec', 'openapi.yaml'));

describe('bundle is lossless', () => {
  it.each([
    ['dist/openapi.json', openapiJsonPath],
    ['dist/openapi.yaml', openapiYamlPath],
  ])('%s equals spec/ value for value once $refs are resolved', (_, path) => {
    // The bundler hoists every $ref target into components; the hand-written root has only securitySchemes
    // there. Those copies are compared where they are used (paths), once the $refs are resolved.
    const bundle = dereferenceFile(path) as { components: Record<string, unknown> };
    const written = Object.keys((sources as typeof bundle).components);
    bundle.components = Object.fromEntries(Object.entries(bundle.components).filter(([kind]) => written.includes(kind)));
    expect(differences(sources, bundle)).toEqual([]);
  });

  it('is compared exactly: an integer above 2^53 survives the comparison', () => {
    expect(parseExact('{"n": 9223372036854775807}')).toEqual({ n: 9223372036854775807n });
    expect(differences(parseExact('n: 9223372036854775807'), parseExact('{"n": 9223372036854776000}'))).toHaveLength(1);
  });

  it('has no number in spec/ that a JavaScript double would change', () => {
    const unsafe: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node === 'bigint' && (node > BigInt(Number.MAX_SAFE_INTEGER) || node < BigInt(Number.MIN_SAFE_INTEGER)))
        unsafe.push(`${path}: ${node}`);
      if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}/${k}`);
    };
    walk(sources, '');
    expect(unsafe).toEqual([]);
  });
});
