// Builds the package: one esbuild bundle of the engine with Prism's HTTP library inside for Node (so
// `osm-mock` and `startMock()` load one file instead of hundreds of modules: start-up is what a test run
// waits for; the bundled spec, yaml and msw stay dependencies), one for browsers (MSW's setupWorker, the
// spec inside as a chunk of its own), and the type declarations from tsc.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadSpec } from '@osm-openapi/spec';
import { build } from 'esbuild';
import { tsc7 } from '../../../tsc.shared.mjs';

const here = new URL('..', import.meta.url);

/** jsonc-parser's CommonJS build is a UMD wrapper whose requires a bundler cannot follow; its ESM build is plain. */
const jsoncParserAsModule = {
  name: 'jsonc-parser-as-module',
  setup(build) {
    build.onResolve({ filter: /^jsonc-parser$/ }, (args) => ({
      path: createRequire(`${args.resolveDir}/`)
        .resolve('jsonc-parser')
        .replace(/umd(\/main\.js)$/, 'esm$1'),
    }));
  },
};

/** Prism's data generator needs only faker's English data; the whole package carries every locale (8 MB). */
const englishFakerOnly = {
  name: 'english-faker-only',
  setup(build) {
    build.onResolve({ filter: /^@faker-js\/faker$/ }, (args) => ({
      path: createRequire(`${args.resolveDir}/`).resolve('@faker-js/faker/locale/en'),
    }));
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
/**
 * lodash's one-file build (540 kB), and lodash/fp (a wrapper of it), are evaluated whole when first
 * required: a fifth of the engine's start-up, at load, though Prism's validator calls a few functions of
 * lodash on a request and lodash/fp's only in its security checks, which the mock does not run. A
 * CommonJS module that requires `lodash` or `lodash/fp` once and then reads only `<binding>.<function>` (as
 * TypeScript compiles imports, which is how Prism uses them) gets getters instead: a lodash function's own
 * module, a lodash/fp function from lodash/fp, each loaded on its first call. Any other use keeps the
 * module as it is.
 */
const lodashOnFirstCall = {
  name: 'lodash-on-first-call',
  setup(build) {
    build.onResolve({ filter: /^lodash(\/fp)?$/ }, ({ path, importer, resolveDir }) => {
      if (!importer.endsWith('.js')) return undefined;
      const text = readFileSync(importer, 'utf8');
      const call = `require("${path}")`;
      const binding = new RegExp(`\\bconst (\\w+) = require\\("${path.replace('/', '\\/')}"\\);`).exec(text)?.[1];
      if (!binding || text.split(call).length !== 2) return undefined;
      const uses = [...text.matchAll(new RegExp(`\\b${binding}\\b(\\.(\\w+))?`, 'g'))].slice(1);
      if (uses.some((use) => !use[2])) return undefined;
      const names = [...new Set(uses.map((use) => use[2]))].sort();
      return { path: `${path}:${names.join(',')}`, namespace: 'lodash-on-first-call', pluginData: { resolveDir } };
    });
    build.onLoad({ filter: /.*/, namespace: 'lodash-on-first-call' }, ({ path, pluginData }) => {
      const [module, names] = path.split(':');
      const getter = (name) =>
        module === 'lodash'
          ? `get ${name}() { return require('lodash/${name}.js'); }`
          : `get ${name}() { return require('lodash/fp').${name}; }`;
      return {
        contents: `module.exports = { ${names.split(',').map(getter).join(', ')} };`,
        resolveDir: pluginData.resolveDir,
        loader: 'js',
      };
    });
  },
};
/**
 * Two changes to Prism's validator, made as it is bundled, both for the cold start:
 * - its ajv instances skip checking each schema against JSON Schema's meta-schema before compiling it
 *   (`validateSchema: false`): that check compiles the meta-schema itself on the first request, the
 *   largest part of a cold first answer (about 90 ms), and finds nothing here - the spec's schemas are
 *   checked by its lint before it is bundled;
 * - its ajv instances for JSON Schema 2019-09 and 2020-12 are made when a schema first declares that
 *   draft (the spec's are OpenAPI 3.0 schemas, which never do), instead of at load.
 * The build fails if Prism's code no longer reads as expected, rather than bundling it unchanged.
 */
const prismValidatorOptions = {
  name: 'prism-validator-options',
  setup(build) {
    const changes = [
      [
        'strict: false,\n    logger: unknownFormatSilencerLogger,',
        'strict: false,\n    validateSchema: false,\n    logger: unknownFormatSilencerLogger,',
      ],
      ['const _2019_1 = require("ajv/dist/2019");\nconst _2020_1 = require("ajv/dist/2020");\n', ''],
      [
        '    draft2019_09: createAjvInstances(_2019_1.default),\n    draft2020_12: createAjvInstances(_2020_1.default),\n',
        '    get draft2019_09() { return (this.made2019 ??= createAjvInstances(require("ajv/dist/2019").default)); },\n' +
          '    get draft2020_12() { return (this.made2020 ??= createAjvInstances(require("ajv/dist/2020").default)); },\n',
      ],
    ];
    build.onLoad({ filter: /prism-http[\\/]dist[\\/]validator[\\/]validators[\\/]utils\.js$/ }, ({ path }) => {
      let source = readFileSync(path, 'utf8');
      for (const [expected, replacement] of changes) {
        if (!source.includes(expected))
          throw new Error(`${path}: Prism's ajv set-up does not read as the build expects; review the prism-validator-options plugin`);
        source = source.replace(expected, replacement);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

/**
 * Modules with a browser variant (`<name>-web.ts`): busboy (multipart.ts) needs Node's streams, and the
 * operations parsed at build time (operations-source.ts) are read from a file beside the bundle.
 */
const browserVariants = {
  name: 'browser-variants',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/(multipart|operations-source)\.js$/ }, ({ path, resolveDir }) => ({
      path: new URL(`${path.replace(/\.js$/, '-web.ts')}`, `file://${resolveDir}/`).pathname,
    }));
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
  entryPoints: {
    index: 'src/index.ts',
    'msw/node': 'src/msw/node.ts',
    'server/cli': 'src/server/cli.ts',
    'vitest/mock': 'src/vitest/mock.ts',
    'vitest/msw': 'src/vitest/msw.ts',
  },
  outdir: 'dist',
  platform: 'node',
  target: 'node20',
  // vitest, like msw, is the test's own (optional peers): the helpers register hooks with the test's vitest.
  external: ['@osm-openapi/spec', 'msw', 'vitest', 'yaml'],
  plugins: [englishFakerOnly, jsoncParserAsModule, userlandPunycode, lodashOnFirstCall, prismValidatorOptions],
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
  plugins: [englishFakerOnly, jsoncParserAsModule, nodeBuiltinsForBrowsers, browserVariants, lodashOnFirstCall, prismValidatorOptions],
  inject: ['scripts/browser-globals.mjs'],
  // What the libraries read of Node's `process` (the $ref parser asks whether it runs in a browser).
  define: { 'process.env.NODE_ENV': '"production"', 'process.browser': 'true', 'process.platform': '"browser"' },
});
await writeParsedOperations();
execFileSync(process.execPath, [tsc7, '-p', 'tsconfig.build.json', '--emitDeclarationOnly'], { cwd: here, stdio: 'inherit' });

/**
 * Prism's operations of the bundled spec, parsed once here and shipped beside the bundle in a folder named
 * by the spec's fingerprint, as src/engine/operations-source.ts reads it: `index.json` (each operation's
 * method, path and operationId) and `<n>.json` per operation, read when a request first needs it
 * (test/cold-start checks the folder gives what Prism parses at run time).
 */
async function writeParsedOperations() {
  const { getHttpOperationsFromSpec } = createRequire(import.meta.url)('@stoplight/prism-http/dist/utils/operations.js');
  const document = loadSpec();
  // Before parsing: Prism's parser changes the document it is given.
  const fingerprint = createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 16);
  const operations = await getHttpOperationsFromSpec(document);
  const folder = new URL(`dist/prism-operations-${fingerprint}/`, here);
  mkdirSync(folder);
  writeFileSync(
    new URL('index.json', folder),
    JSON.stringify(operations.map((o) => ({ method: o.method.toLowerCase(), path: o.path, operationId: o.iid ?? o.id }))),
  );
  for (const [i, operation] of operations.entries()) writeFileSync(new URL(`${i}.json`, folder), JSON.stringify(operation));
}
