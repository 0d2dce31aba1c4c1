// Prints what the client costs in a browser bundle: everything, and a client-only import (tree-shaken),
// minified, with and without gzip. openapi-fetch, its one dependency, is included.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const entries = {
  'everything (import *)': "export * from './dist/index.js';",
  'createOsmClient + token auth': "export { createOsmClient } from './dist/index.js';",
  'createOsmClient + akSkAuth + paginate + files':
    "export { createOsmClient, akSkAuth, paginate, downloadAttachment, uploadAttachment } from './dist/index.js';",
};

for (const [name, contents] of Object.entries(entries)) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  console.log(`${name}: ${(code.length / 1024).toFixed(1)} kB minified, ${(gzipSync(code).length / 1024).toFixed(1)} kB gzip`);
}
