// Builds the "Try it" panels into the docs site (see docs/try-it/): the panel script and its CSS, inlined
// in the page (small: the buttons are there even when the page is opened on its own), and in dist the
// files loaded on first use only - the panels' data (try-it/operations.json), the in-page mock
// (try-it/mock.js: MSW's setupWorker with @osm-openapi/mock's browser handlers) and MSW's worker script
// (mockServiceWorker.js, next to index.html so that its scope covers the page at any sub-path).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { TRY_IT_FILE, tryItOperations } from './try-it-operations.mjs';

const source = new URL('../try-it/', import.meta.url).pathname;
const common = { bundle: true, platform: 'browser', target: 'es2022', logLevel: 'warning', legalComments: 'none' };

/** The marker each operation's description carries; the panel script turns it into "Try it". */
export function tryItMarker(operationId) {
  return `<div class="osm-try-it" data-operation-id="${operationId}"></div>`;
}

/** Writes the files of the panels into `dist`; returns the script and CSS to inline in the page. */
export async function buildTryIt(spec, dist) {
  mkdirSync(join(dist, 'try-it'), { recursive: true });
  writeFileSync(join(dist, 'try-it', 'operations.json'), JSON.stringify({ file: TRY_IT_FILE, operations: tryItOperations(spec) }));
  // Only errors: the warnings are about third-party code inside the mock's own build.
  await build({
    ...common,
    entryPoints: [join(source, 'in-page-mock.mjs')],
    outfile: join(dist, 'try-it', 'mock.js'),
    format: 'esm',
    minify: true,
    logLevel: 'error',
  });
  copyFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), join(dist, 'mockServiceWorker.js'));
  const panel = await build({ ...common, entryPoints: [join(source, 'panel.mjs')], format: 'iife', write: false, minifySyntax: true });
  return { script: panel.outputFiles[0].text, css: readFileSync(join(source, 'panel.css'), 'utf8') };
}

/** The page with the panel's CSS and script inlined (`</` escaped so that no text ends the element early). */
export function inlineTryIt(html, { script, css }) {
  const safe = (text) => text.replace(/<\//g, '<\\/');
  return html
    .replace('</head>', () => `<style>\n${css}</style>\n</head>`)
    .replace(/<\/body>(?![\s\S]*<\/body>)/, () => `<script>\n${safe(script)}</script>\n</body>`);
}
