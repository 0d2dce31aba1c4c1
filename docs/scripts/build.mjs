// Builds the docs site into docs/dist: one self-contained Redoc page (index.html, works offline) with a
// TypeScript and a curl sample and the error codes on every operation and the guides as sections, plus the
// bundled spec and the error catalogue for download.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCodesPath, loadErrorCodes, loadSpec, openapiJsonPath, openapiYamlPath } from '@osm-openapi/spec';
import { apiChangelog } from './api-changelog.mjs';
import { SAMPLE_LABELS, curlSample, typescriptSample } from './code-samples.mjs';
import { guideTags } from './guides.mjs';
import { inlineRedoclyLogos } from './offline-assets.mjs';
import { errorsSection } from './operation-errors.mjs';
import { operations } from './spec-walk.mjs';
import { tagGroups } from './tag-groups.mjs';

const scripts = dirname(fileURLToPath(import.meta.url));
const docs = join(scripts, '..');
const root = join(docs, '..');
const work = join(docs, '.build');
const dist = join(docs, 'dist');
const page = join(dist, 'index.html');
const started = Date.now();

const spec = loadSpec();
const codes = loadErrorCodes();
const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');

console.log(`docs: decorating ${operations(spec).length} operations with code samples and error codes`);
for (const [path, method, operation, pathItem] of operations(spec)) {
  operation['x-codeSamples'] = [
    { lang: 'TypeScript', label: SAMPLE_LABELS.typescript, source: typescriptSample(spec, path, method, pathItem, operation) },
    { lang: 'Shell', label: SAMPLE_LABELS.curl, source: curlSample(spec, path, method, pathItem, operation) },
  ];
  // The operationId is Huawei's SDK method name: show it, so readers coming from the SDKs can search for it.
  const sdkName = `SDK operation: \`${operation.operationId}\``;
  operation.description = [operation.description ?? '', sdkName, errorsSection(operation, codes)].join('\n\n').trim();
}

const guides = guideTags(join(docs, 'guides'), { spec, codes, errata, apiChangelog: () => apiChangelog(root) });
spec['x-tagGroups'] = tagGroups(guides, spec.tags);
spec.tags = [...guides, ...spec.tags];

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
    page,
    '--inlineBundle',
    '--template',
    join(scripts, 'page.hbs'),
    '--openapi',
    join(scripts, 'redoc-options.json'),
    '--title',
    'OSM Service Ticket API reference',
  ],
  {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
writeFileSync(page, inlineRedoclyLogos(readFileSync(page, 'utf8')));

for (const file of [openapiJsonPath, openapiYamlPath, errorCodesPath]) {
  copyFileSync(file, join(dist, basename(file)));
}
const size = statSync(page).size;
console.log(
  `docs: ${relative(root, page)} (${(size / 1024 / 1024).toFixed(1)} MB) and the spec downloads, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
