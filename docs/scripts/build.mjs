// Builds the docs site into docs/dist: one self-contained Redoc page (index.html, works offline) with a
// TypeScript and a curl sample and the error codes on every operation and the guides as sections, plus the
// bundled spec and the error catalogue for download.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorCodesPath, loadErrorCodes, loadSpec, openapiJsonPath, openapiYamlPath } from '@osm-openapi/spec';
import { apiChangelog } from './api-changelog.mjs';
import { curlSample, SAMPLE_LABELS, typescriptSample } from './code-samples.mjs';
import { guideTags } from './guides.mjs';
import { errorCodeHref, linkifyDescriptions, linkTargets } from './links.mjs';
import { applyNavigation, GUIDES_GROUP, loadNavigation, placementProblems, referenceSections } from './navigation.mjs';
import { inlineRedoclyLogos } from './offline-assets.mjs';
import { errorsSection } from './operation-errors.mjs';
import { linkProjectIdFields } from './project-id-links.mjs';
import { plainServerDescriptions } from './server-descriptions.mjs';
import { operations } from './spec-walk.mjs';
import { buildTryIt, inlineTryIt, tryItMarker } from './try-it-assets.mjs';
import { ARAZZO_FILE, walkthroughMarkdown } from './walkthrough.mjs';

const scripts = dirname(fileURLToPath(import.meta.url));
const docs = join(scripts, '..');
const root = join(docs, '..');
const work = join(docs, '.build');
const dist = join(docs, 'dist');
const page = join(dist, 'index.html');
const started = Date.now();

const spec = loadSpec();
// The "Try it" panels send what the mock serves: the spec as published, before the docs decorate it.
const tryItSpec = loadSpec();
const codes = loadErrorCodes();
const errata = readFileSync(join(root, 'spec', 'ERRATA.md'), 'utf8');
const navigation = loadNavigation(join(docs, 'navigation.yaml'));
const sections = referenceSections(join(root, 'reference', 'operations.tsv'));

console.log(`docs: decorating ${operations(spec).length} operations with code samples, error codes and statuses`);
plainServerDescriptions(spec);
linkProjectIdFields(spec);
for (const [path, method, operation, pathItem] of operations(spec)) {
  operation['x-codeSamples'] = [
    { lang: 'TypeScript', label: SAMPLE_LABELS.typescript, source: typescriptSample(spec, path, method, pathItem, operation) },
    { lang: 'Shell', label: SAMPLE_LABELS.curl, source: curlSample(spec, path, method, pathItem, operation) },
  ];
  // The operationId is Huawei's SDK method name: show it, so readers coming from the SDKs can search for it.
  const sdkName = `SDK operation: \`${operation.operationId}\``;
  operation.description = [operation.description ?? '', sdkName, errorsSection(operation, codes), tryItMarker(operation.operationId)]
    .join('\n\n')
    .trim();
}

// Loud on purpose: an operation the task navigation does not place shows under "Not yet placed", and
// docs/test/build/navigation.test.mjs fails until docs/navigation.yaml lists it.
const { unplaced, unknown } = placementProblems(spec, navigation);
if (unplaced.length) console.warn(`docs: WARNING docs/navigation.yaml places no task for: ${unplaced.join(', ')}`);
if (unknown.length) console.warn(`docs: WARNING docs/navigation.yaml lists operations the spec lacks: ${unknown.join(', ')}`);
const { tagGroups } = applyNavigation(spec, navigation, sections);

const targets = linkTargets(operations(spec), codes);
linkifyDescriptions(spec.paths, targets);
linkifyDescriptions(spec.components, targets);
const sectionHrefs = new Map([...sections].map(([id, { section }]) => [section, targets.byId.get(id)]).filter(([, href]) => href));
const guides = guideTags(join(docs, 'guides'), {
  spec,
  codes,
  errata,
  targets,
  sectionHrefs,
  errorHref: errorCodeHref,
  walkthrough: walkthroughMarkdown(join(docs, 'walkthrough'), spec),
  apiChangelog: () => apiChangelog(root),
});
// Every trait tag is a guide, so a page another script adds as a trait tag lands in the Guides group.
spec.tags = [...guides, ...spec.tags];
spec['x-tagGroups'] = [{ name: GUIDES_GROUP, tags: spec.tags.filter((t) => t['x-traitTag']).map((t) => t.name) }, ...tagGroups];

rmSync(work, { recursive: true, force: true });
rmSync(dist, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
mkdirSync(dist, { recursive: true });
const decorated = join(work, 'openapi.docs.json');
writeFileSync(decorated, JSON.stringify(spec));

console.log('docs: rendering the reference page with Redoc (build-docs --inlineBundle)');
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const rendered = spawnSync(
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
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
if (rendered.status !== 0) throw new Error(`redocly build-docs failed (exit ${rendered.status ?? rendered.signal}):\n${rendered.stderr}`);
// build-docs always prints a boxed notice that it renders with Redoc 3 (this page is made for Redoc 3, and the
// browser test checks it); anything else it says is passed on.
const notice = /^\s*[╔║╚].*$\n?/gm;
const said = rendered.stderr.replace(notice, '').trim();
if (said) console.error(said);

console.log('docs: bundling the "Try it" panels and their in-page mock');
const tryIt = await buildTryIt(tryItSpec, dist);
writeFileSync(page, inlineTryIt(inlineRedoclyLogos(readFileSync(page, 'utf8')), tryIt));

for (const file of [openapiJsonPath, openapiYamlPath, errorCodesPath]) {
  copyFileSync(file, join(dist, basename(file)));
}
// The walkthrough's workflow for download, pointing at the openapi.json next to it.
const arazzo = readFileSync(join(docs, 'walkthrough', ARAZZO_FILE), 'utf8');
writeFileSync(join(dist, ARAZZO_FILE), arazzo.replace('url: ../../packages/spec/dist/openapi.json', 'url: openapi.json'));
const size = statSync(page).size;
console.log(
  `docs: ${relative(root, page)} (${(size / 1024 / 1024).toFixed(1)} MB) and the spec downloads, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
