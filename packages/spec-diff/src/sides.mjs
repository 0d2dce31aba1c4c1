// Resolves the command line's choice of what to compare the working tree's spec with.

import { bundleAtRef, readPublishedVersion, readSpecFile } from './bundle.mjs';
import { mergeBase } from './git.mjs';

/**
 * The "before" side of a comparison.
 * @param {string} root the repository root
 * @param {{ base?: string, against?: string }} choice `base`: a git ref; `against`: a file (`.json`, `.yaml`,
 *   `.tgz`) or a published version of @osm-openapi/spec; neither: the merge base with main
 * @returns {{ label: string, document: object }}
 */
export function beforeSide(root, { base, against }) {
  if (base && against) throw new Error('Give --base or --against, not both.');
  if (against) {
    const isVersion = /^\d+\.\d+\.\d+(-[\w.]+)?$/.test(against);
    return isVersion
      ? { label: `@osm-openapi/spec@${against}`, document: readPublishedVersion(against) }
      : { label: against, document: readSpecFile(against) };
  }
  if (base) return { label: base, document: bundleAtRef(root, base) };
  const commit = mergeBase(root, 'main');
  return { label: `the merge base with main (${commit.slice(0, 7)})`, document: bundleAtRef(root, commit) };
}
