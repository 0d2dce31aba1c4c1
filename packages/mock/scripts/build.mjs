// Builds the package: one esbuild bundle of the engine with Prism's HTTP library inside for Node (so
// `osm-mock` and `startMock()` load one file instead of hundreds of modules: start-up is what a test run
// waits for; the bundled spec, yaml and msw stay dependencies), one for browsers (MSW's setupWorker, the
// spec inside as a chunk of its own), and the type declarations from tsc.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
/**
 * Node's built-ins as Prism's library names them, for the browser bundle. `url` (legacy parse/resolve,
 * used by its $ref parser), `path` and `events` get the registry's browser ports. The rest serve code
 * the mock never runs in a page - proxying to an upstream (proxy agents), fetching remote $refs, a
 * types-only import - and resolve to an empty module; `os` answers the User-Agent Prism would send.
 */
const nodeBuiltinsForBrowsers = {
  name: 'node-builtins-for-browsers',
  setup(build) {
    const require = createRequire(import.meta.url);
    const ports = { url: 'url/', path: 'path-browserify', events: 'events/' };
    const unused = ['assert', 'http', 'https', 'net', 'string_decoder', 'tls', 'util'];
    build.onResolve({ filter: /^(node:)?[a-z_]+$/ }, ({ path }) => {
      const name = path.replace(/^node:/, '');
      if (Object.hasOwn(ports, name)) return { path: require.resolve(ports[name]) };
      if (name === 'os' || unused.includes(name)) return { path: name, namespace: 'browser-stand-in' };
      return undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'browser-stand-in' }, ({ path }) => ({
      // `Agent`: the proxy agents (ES modules since Prism 5.16) subclass http.Agent when they load.
      contents:
        path === 'os'
          ? "export const type = () => 'Browser', arch = () => '', release = () => '';"
          : 'export class Agent {} export default { Agent };',
      loader: 'js',
    }));
  },
};
/** Browsers read multipart bodies with their own parser: busboy (multipart.ts) needs Node's streams. */
const browserMultipart = {
  name: 'browser-multipart',
  setup(build) {
    build.onResolve({ filter: /^\.\/multipart\.js$/ }, () => ({ path: new URL('src/engine/multipart-web.ts', here).pathname }));
  },
};
rmSync(new URL('dist', here), { recursive: true, force: true });

const common = {
  absWorkingDir: here.pathname,
  bundle: true,
  splitting: true,
  format: 'esm',
  chunkNames: 'engine-[hash]',
  legalComments: 'linked',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { index: 'src/index.ts', 'msw/node': 'src/msw/node.ts', 'server/cli': 'src/server/cli.ts' },
  outdir: 'dist',
  platform: 'node',
  target: 'node20',
  external: ['@osm-openapi/spec', 'msw', 'yaml'],
  plugins: [englishFakerOnly, jsoncParserAsModule, userlandPunycode],
  // The bundled CommonJS modules require Node's built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});

// The MSW handlers for setupWorker: the same engine for browsers, with the bundled spec as a chunk of its
// own (loaded on the first request). Only msw stays outside: the page's bundler provides it.
await build({
  ...common,
  entryPoints: { msw: 'src/msw/browser.ts' },
  outdir: 'dist/browser',
  chunkNames: 'chunk-[hash]',
  platform: 'browser',
  target: 'es2022',
  external: ['msw'],
  plugins: [englishFakerOnly, jsoncParserAsModule, nodeBuiltinsForBrowsers, browserMultipart],
  inject: ['scripts/browser-globals.mjs'],
  // What the libraries read of Node's `process` (the $ref parser asks whether it runs in a browser).
  define: { 'process.env.NODE_ENV': '"production"', 'process.browser': 'true', 'process.platform': '"browser"' },
});
// TypeScript 7 exports no `bin/tsc` subpath: the script is found next to its package.json.
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], { cwd: here, stdio: 'inherit' });
