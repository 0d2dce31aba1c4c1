// Measurement 3: what the client adds to an application's bundle. esbuild bundles an entry (minified, for
// browsers, ESM), and the result is gzipped; the baseline is the same entry made from openapi-fetch alone.
// Sizes are deterministic: one build each, no rounds.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { summarize } from './stats.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Bundles `entry` (module source, resolved from tools/) and returns its minified and gzipped sizes in bytes. */
async function bundleSize(entry) {
  const result = await build({
    stdin: { contents: entry, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** The entries compared: everything each package exports, and the one function an app starts from. */
const entries = [
  {
    label: '@osm-openapi/client, every export',
    subject: "export * from '@osm-openapi/client';",
    baselineLabel: 'openapi-fetch, every export',
    baseline: "export * from 'openapi-fetch'; export { default } from 'openapi-fetch';",
  },
  {
    label: 'createOsmClient only, token auth (tree-shaken)',
    subject: "export { createOsmClient } from '@osm-openapi/client';",
    baselineLabel: 'createClient only',
    baseline: "export { default as createClient } from 'openapi-fetch';",
  },
  {
    label: 'createOsmClient + akSkAuth (tree-shaken)',
    subject: "export { createOsmClient, akSkAuth } from '@osm-openapi/client';",
    baselineLabel: 'createClient only',
    baseline: "export { default as createClient } from 'openapi-fetch';",
  },
];

/** Bundles each entry pair and compares their gzipped sizes. */
export async function benchBundleSize() {
  const comparisons = [];
  for (const entry of entries) {
    const subject = await bundleSize(entry.subject);
    const baseline = await bundleSize(entry.baseline);
    comparisons.push({
      label: `${entry.label}, min+gzip`,
      subject: { ...summarize([subject.gzip], 'B'), minified: subject.minified },
      baselineLabel: entry.baselineLabel,
      baseline: { ...summarize([baseline.gzip], 'B'), minified: baseline.minified },
      ratio: subject.gzip / baseline.gzip,
    });
  }
  return { id: 'size', title: 'size', comparisons };
}
