// The "API changelog" guide: for each version of @osm-openapi/spec in the repository's history (and the
// unreleased changes since the last one), the operations and fields added, changed, deprecated and
// removed - the classified diff of @osm-openapi/spec-diff between consecutive versions.
import { bundleAtRef, bundleSpecFolder } from '@osm-openapi/spec-diff/bundle';
import { compareSpecs } from '@osm-openapi/spec-diff/classify';
import { isShallow, specVersions } from '@osm-openapi/spec-diff/releases';

const CATEGORIES = [
  ['added', 'Added'],
  ['changed', 'Changed'],
  ['deprecated', 'Deprecated'],
  ['removed', 'Removed'],
];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operationCount(document) {
  return Object.values(document.paths ?? {}).reduce((n, item) => n + HTTP_METHODS.filter((m) => item[m]).length, 0);
}

/** The bundled spec, or null when it does not bundle (a version set before the spec was complete). */
function bundleOrNull(bundle) {
  try {
    return bundle();
  } catch {
    return null;
  }
}

/**
 * @typedef {object} ChangelogEntry
 * @property {string} title the version and its date, or "Unreleased"
 * @property {string | null} since the version compared with; null when there is none to compare with
 * @property {import('@osm-openapi/spec-diff/classify').ApiChange[]} changes
 * @property {string} [note] what the entry says instead of changes
 */

/**
 * The changelog's entries, newest first: "Unreleased" (when the working tree differs from the last
 * version), then each version compared with the newest earlier version whose spec bundles.
 * @param {string} root the repository root
 * @returns {ChangelogEntry[]}
 */
export function apiChangelogEntries(root) {
  const versions = specVersions(root).map((v) => ({ ...v, document: bundleOrNull(() => bundleAtRef(root, v.commit)) }));
  const current = { version: null, document: bundleSpecFolder(root, 'the working tree') };
  const entries = [];
  let previous = null;
  for (const v of [...versions, current]) {
    const title = v.version ? `${v.version} (${v.date})` : 'Unreleased';
    if (!v.document) {
      entries.push({
        title,
        since: null,
        changes: [],
        note: 'The spec of this version does not bundle on its own (the version was set before the spec was complete), so nothing is compared with it.',
      });
      continue;
    }
    if (!previous) {
      entries.push({
        title,
        since: null,
        changes: [],
        note: `${v.version ? 'The first version in the history whose spec bundles' : 'No released version to compare with yet'}: ${operationCount(v.document)} operations.`,
      });
    } else {
      const changes = compareSpecs(previous.document, v.document);
      if (v.version || changes.length) entries.push({ title, since: previous.version, changes });
    }
    previous = v;
  }
  return entries.reverse();
}

function bullet(change) {
  const operation = change.operation ? `\`${change.operation.id}\` (${change.operation.method} \`${change.operation.path}\`)` : 'Whole API';
  const mark = change.class === 'breaking' ? ' **(breaking)**' : '';
  return `- ${operation}: ${change.text}${mark}`;
}

/**
 * The guide's Markdown for `entries` (apiChangelogEntries). Documentation-only changes are counted, not
 * listed: the page is about what a caller has to know.
 * @param {ChangelogEntry[]} entries
 * @param {{ shallow?: boolean }} [options] shallow: the build saw only part of the history
 */
export function apiChangelogMarkdown(entries, { shallow = false } = {}) {
  const lines = [];
  if (shallow) lines.push("_This build saw only part of the repository's history: older versions are missing._", '');
  if (entries.length === 0) lines.push('No version of `@osm-openapi/spec` is in the history yet.');
  for (const { title, since, changes, note } of entries) {
    lines.push(`## ${title}`, '');
    if (note) {
      lines.push(note, '');
      continue;
    }
    const listed = changes.filter((c) => c.class !== 'documentation-only');
    const docsOnly = changes.length - listed.length;
    const apiPart = listed.length ? `${listed.length} change${listed.length > 1 ? 's' : ''} to the API` : 'no change to the API';
    lines.push(`Compared with ${since}: ${apiPart}${docsOnly ? `, ${docsOnly} to its documentation` : ''}.`, '');
    for (const [category, heading] of CATEGORIES) {
      const here = listed.filter((c) => c.category === category);
      if (here.length) lines.push(`### ${heading}`, '', ...here.map(bullet), '');
    }
  }
  return lines.join('\n').trim();
}

/** The whole generated part of the guide, for the repository at `root`. */
export function apiChangelog(root) {
  return apiChangelogMarkdown(apiChangelogEntries(root), { shallow: isShallow(root) });
}
