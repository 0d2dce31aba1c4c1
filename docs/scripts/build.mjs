// Builds the docs site into docs/dist: one self-contained Redoc page (index.html, works offline) with a
// TypeScript and a curl sample on every operation and the guides as sections, plus the bundled spec and
// the error catalogue for download.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCodesPath, loadErrorCodes, loadSpec, openapiJsonPath, openapiYamlPath } from '@osm-openapi/spec';
import { curlSample, typescriptSample } from './code-samples.mjs';
import { guideTags, operations } from './guides.mjs';
import { errorsSection } from './operation-errors.mjs';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(docs, '..');
const work = join(docs, '.build');
const dist = join(docs, 'dist');
const started = Date.now();

const spec = loadSpec();
const codes = loadErrorCodes();
const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');

console.log(`docs: decorating ${operations(spec).length} operations with code samples and error codes`);
for (const [path, method, operation] of operations(spec)) {
  const item = spec.paths[path];
  operation['x-codeSamples'] = [
    { lang: 'TypeScript', label: 'TypeScript', source: typescriptSample(spec, path, method, item, operation) },
    { lang: 'Shell', label: 'curl', source: curlSample(spec, path, method, item, operation) },
  ];
  // The operationId is Huawei's SDK method name: show it, so readers coming from the SDKs can search for it.
  const sdkName = `SDK operation: \`${operation.operationId}\``;
  operation.description = [operation.description ?? '', sdkName, errorsSection(spec, operation, codes)].join('\n\n').trim();
}

const guides = guideTags(join(docs, 'guides'), { spec, codes, errata });
const apiTags = spec.tags.filter((t) => !t.name.startsWith('Historical'));
spec.tags = [...guides, ...spec.tags];
spec['x-tagGroups'] = [
  { name: 'Guides', tags: guides.map((t) => t.name) },
  { name: 'API v2', tags: apiTags.map((t) => t.name) },
  { name: 'Historical API', tags: spec.tags.filter((t) => t.name.startsWith('Historical')).map((t) => t.name) },
];

rmSync(work, { recursive: true, force: true });
rmSync(dist, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
mkdirSync(dist, { recursive: true });
const decorated = join(work, 'openapi.docs.json');
writeFileSync(decorated, JSON.stringify(spec));

console.log('docs: rendering the reference page with Redoc (build-docs --inlineBundle)');
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
execFileSync(
  process.execPath,
  [
    redocly,
    'build-docs',
    decorated,
    '--output',
    join(dist, 'index.html'),
    '--inlineBundle',
    '--openapi.disableTelemetry=true',
    '--title',
    'OSM Service Ticket API reference',
  ],
  { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, REDOCLY_TELEMETRY: 'off' } },
);

for (const file of [openapiJsonPath, openapiYamlPath, errorCodesPath]) {
  copyFileSync(file, join(dist, file.split('/').pop()));
}
const size = statSync(join(dist, 'index.html')).size;
console.log(
  `docs: ${relative(root, join(dist, 'index.html'))} (${(size / 1024 / 1024).toFixed(1)} MB) and the spec downloads, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
