// The build ships the bundled spec's operations as Prism parses them, named by the spec's fingerprint, so
// a mock of that spec starts without Prism's parser. Checked here against Prism's parse at run time.
import { existsSync } from 'node:fs';
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, test } from 'vitest';
import { parsedSources } from '../../src/engine/operation-source.js';
import { operationsOf, parsedOperationsFolder, sourcesFromFolder, specFingerprint } from '../../src/engine/operations-source.js';
import { prismOperations } from '../../src/engine/prism-operations.js';

const shipped = parsedOperationsFolder(specFingerprint(loadSpec()), new URL('../../dist/', import.meta.url));

describe('operations parsed at build time', () => {
  test('the build wrote them for the bundled spec, and they are what Prism parses now', async () => {
    expect(existsSync(shipped), `${shipped.pathname} (run the build)`).toBe(true);
    const fromFile = await sourcesFromFolder(shipped);
    const now = parsedSources(await prismOperations(loadSpec()));
    expect(fromFile.map(({ method, path, operationId }) => ({ method, path, operationId }))).toEqual(
      now.map(({ method, path, operationId }) => ({ method, path, operationId })),
    );
    for (const [i, source] of fromFile.entries())
      expect(source.load(), source.operationId).toEqual(JSON.parse(JSON.stringify(now[i]!.load())));
  });

  test('each operation is read on first use, once', async () => {
    const [first] = await sourcesFromFolder(shipped);
    expect(first!.load()).toBe(first!.load());
  });

  test('another document has another fingerprint and is parsed at run time', async () => {
    const spec = loadSpec() as { info: { title: string } };
    spec.info.title = 'changed';
    expect(specFingerprint(spec)).not.toBe(specFingerprint(loadSpec()));
    const sources = await operationsOf(spec);
    expect(sources).toHaveLength(95);
  });
});
