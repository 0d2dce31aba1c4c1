// Writes the classified API diff into a package's CHANGELOG.md, under the version heading that
// `changeset version` just added. A pure function over the file's text.

/**
 * Inserts an "API changes" section at the top of the entry for `version`.
 * @param {string} changelog the CHANGELOG.md text, as `changeset version` left it
 * @param {string} version the version whose entry gets the section, e.g. "1.0.0"
 * @param {string} section Markdown: the classified changes (report.mjs formatMarkdown)
 * @param {string} since what the changes are compared with, e.g. "0.1.0"
 * @returns {string}
 */
export function addApiSection(changelog, version, section, since) {
  const heading = new RegExp(`^## ${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'm');
  const match = heading.exec(changelog);
  if (!match) throw new Error(`The changelog has no "## ${version}" entry to add the API changes to.`);
  const at = match.index + match[0].length;
  return `${changelog.slice(0, at)}\n\n### API changes since ${since}\n\n${section}${changelog.slice(at)}`;
}
