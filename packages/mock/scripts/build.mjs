// Builds the package: one esbuild bundle of the engine with Prism's HTTP library inside (so `osm-mock`
// and `startMock()` load one file instead of hundreds of modules: start-up is what a test run waits
// for), and the type declarations from tsc. The bundled spec, yaml and msw stay dependencies.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const here = new URL('..', import.meta.url);

/** jsonc-parser's CommonJS build is a UMD wrapper whose requires a bundler cannot follow; its ESM build is plain. */
const jsoncParserAsModule = {
  name: 'jsonc-parser-as-module',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser$/ }, (args) => ({ path: createRequire(`${args.resolveDir}/`).resolve('jsonc-parser').replace(/umd(\/main\.js)$/, 'esm$1') }));
  },
};

/** Prism's data generator needs only faker's English data; the whole package carries every locale (8 MB). */
const englishFakerOnly = {
  name: 'english-faker-only',
  setup(build) {
    build.onResolve({ filter: /^@faker-js\/faker$/ }, (args) => ({ path: createRequire(`${args.resolveDir}/`).resolve('@faker-js/faker/locale/en') }));
  },
};
// node-fetch's URL code (tr46) requires Node's built-in `punycode`, which Node 21+ flags as deprecated on
// stderr at run time; the same code from the registry's `punycode` package is bundled instead.
const userlandPunycode = {
  name: 'userland-punycode',
  setup(build) {
    build.onResolve({ filter: /^punycode$/ }, () => ({ path: createRequire(import.meta.url).resolve('punycode/') }));
  },
};
rmSync(new URL('dist', here), { recursive: true, force: true });

await build({
  absWorkingDir: here.pathname,
  entryPoints: { index: 'src/index.ts', msw: 'src/msw.ts', 'server/cli': 'src/server/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['@osm-openapi/spec', 'msw', 'yaml'],
  plugins: [englishFakerOnly, jsoncParserAsModule, userlandPunycode],
  // The bundled CommonJS modules require Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  chunkNames: 'engine-[hash]',
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], { cwd: here, stdio: 'inherit' });
