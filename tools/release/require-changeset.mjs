// `node tools/release/require-changeset.mjs --base main [--github]`: fails (exit 1) when this branch
// - changes a public package - or spec/**, which changes the generated types of @osm-openapi/spec and
//   @osm-openapi/client - without a changeset naming it, or
// - changes the API in a way that breaks consumers without a changeset releasing both as a major (or an
//   explicit "Breaking-change override:" line).
// With --github it also prints the API diff as annotations on the spec's source lines and writes a table to
// $GITHUB_STEP_SUMMARY. Run by CI on every pull request; works locally before committing too.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleAtRef, bundleSpecFolder } from '@osm-openapi/spec-diff/bundle';
import { compareSpecs } from '@osm-openapi/spec-diff/classify';
import { changedFilesSince, mergeBase, repositoryRoot } from '@osm-openapi/spec-diff/git';
import { sourceLocator } from '@osm-openapi/spec-diff/locate';
import { formatText } from '@osm-openapi/spec-diff/report';
import { checkBreakingChanges } from './breaking-check.mjs';
import { checkChangesets, isReleaseChange, isSpecSource, writtenChangesets } from './changeset-check.mjs';
import { annotations, jobSummary } from './github-report.mjs';
import { readPublicPackages } from './public-packages.mjs';

function report(ok, message) {
  if (ok) console.log(`require-changeset: ${message}`);
  else console.error(`require-changeset: ${message}`);
}

/** The API diff of the branch and its verdict; prints it, and for --github the annotations and summary. */
function checkApiDiff(root, base, changes, readFile, github) {
  const since = mergeBase(root, base);
  const changesAfter = compareSpecs(bundleAtRef(root, since), bundleSpecFolder(root, 'the working tree'));
  const locate = sourceLocator(root);
  const verdict = checkBreakingChanges(changesAfter, writtenChangesets(changes, readFile));
  const label = `${base} (merge base ${since.slice(0, 7)})`;
  console.log(formatText(changesAfter, { from: label, to: 'this branch', locate }));
  if (github) {
    for (const line of annotations(changesAfter, locate, !verdict.ok)) console.log(line);
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, jobSummary(changesAfter, verdict, locate, label));
  }
  return verdict;
}

try {
  const { values } = parseArgs({
    options: { base: { type: 'string', default: 'main' }, github: { type: 'boolean', default: false } },
    strict: true,
  });
  const root = repositoryRoot(process.cwd());
  const changes = changedFilesSince(root, values.base);
  const readFile = (path) => readFileSync(join(root, path), 'utf8');
  const result = checkChangesets(changes, readPublicPackages(root), readFile);
  report(result.ok, result.message);
  let ok = result.ok;
  if (changes.some((c) => isSpecSource(c.path)) && !isReleaseChange(changes)) {
    const verdict = checkApiDiff(root, values.base, changes, readFile, values.github);
    report(verdict.ok, verdict.message);
    ok &&= verdict.ok;
  }
  if (!ok) process.exitCode = 1;
} catch (error) {
  console.error(`require-changeset: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
