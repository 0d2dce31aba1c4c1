import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
for (const contents of ["export * from './index.ts';", "export { createOsmClient } from './index.ts';", "export { createOsmClient, akSkAuth } from './index.ts';"]) {
  const r = await build({ stdin: { contents, resolveDir: process.cwd() + '/src', loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  const c = r.outputFiles[0].contents; console.log(contents, c.length, gzipSync(c).length, gzipSync(c,{level:9}).length);
}
