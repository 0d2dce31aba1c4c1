// The runtime is small and runs anywhere fetch and Web Crypto do: bundled for the browser (where a
// node: import cannot resolve), minified and gzipped, it stays within budget. Token users do not carry
// the AK/SK signer or its hash library. The sizes are printed, for the record.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { expect, test } from 'vitest';

async function bundle(contents: string): Promise<{ text: string; gzip: number }> {
  const result = await build({
    stdin: { contents, resolveDir: new URL('../../src', import.meta.url).pathname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { text: new TextDecoder().decode(code), gzip: gzipSync(code).length };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;

test('createOsmClient with token auth is within 10 kB gzip and carries no AK/SK code; with akSkAuth it does', async () => {
  const token = await bundle("export { createOsmClient } from './index.ts';");
  const aksk = await bundle("export { createOsmClient, akSkAuth } from './index.ts';");
  console.log(`min+gzip: createOsmClient (token) ${kB(token.gzip)}, createOsmClient + akSkAuth ${kB(aksk.gzip)}`);

  expect(token.gzip).toBeLessThanOrEqual(10 * 1024);
  // The algorithm's name is in the signer; SHA-256's first round constant is in the hash library.
  for (const marker of ['SDK-HMAC-SHA256', '1116352408']) {
    expect(token.text).not.toContain(marker);
    expect(aksk.text).toContain(marker);
  }
});

test('the whole package bundles for the browser, within 17 kB gzip (openapi-fetch and the hash library included)', async () => {
  const everything = await bundle("export * from './index.ts';");
  console.log(`min+gzip: every export ${kB(everything.gzip)}`);
  expect(everything.gzip).toBeLessThan(17 * 1024);
});

test('what is not imported is not bundled (sideEffects: false)', async () => {
  const everything = await bundle("export * from './index.ts';");
  const clientOnly = await bundle("export { createOsmClient } from './index.ts';");
  // The Base64 upload helper's path: in the full bundle, absent from the client-only one.
  expect(everything.text).toContain('json-format-content');
  expect(clientOnly.text).not.toContain('json-format-content');
});
