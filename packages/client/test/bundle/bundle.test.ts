// The runtime is small and runs anywhere fetch and Web Crypto do: bundled for the browser (where a
// node: import cannot resolve), minified and gzipped, it stays within budget.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

async function bundle(contents: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents, resolveDir: new URL('../../src', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

test('the whole package bundles for the browser, within 12 kB gzip (openapi-fetch included)', async () => {
  const code = await bundle("export * from './index.ts';");
  expect(gzipSync(code).length).toBeLessThan(12 * 1024);
});

test('what is not imported is not bundled (sideEffects: false)', async () => {
  const everything = await bundle("export * from './index.ts';");
  const clientOnly = await bundle("export { createOsmClient } from './index.ts';");
  // The Base64 upload helper's path: in the full bundle, absent from the client-only one.
  expect(new TextDecoder().decode(everything)).toContain('json-format-content');
  expect(new TextDecoder().decode(clientOnly)).not.toContain('json-format-content');
});
