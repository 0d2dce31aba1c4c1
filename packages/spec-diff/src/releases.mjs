// The released versions of @osm-openapi/spec in this repository's history: the commits where
// packages/spec/package.json's "version" changed (the release pull requests that `changeset version` makes).
import { spawnSync } from 'node:child_process';

const MANIFEST = 'packages/spec/package.json';

function git(cwd, args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr.trim()}`);
  return result.stdout;
}

/**
 * Each version of @osm-openapi/spec and the commit that set it, oldest first.
 * @param {string} root the repository root
 * @returns {{ version: string, commit: string, date: string }[]}
 */
export function specVersions(root) {
  const log = git(root, ['log', '--format=%H %cs', '-G"version":', '--', MANIFEST]).trim();
  if (!log) return [];
  return log
    .split('\n')
    .map((line) => {
      const [commit, date] = line.split(' ');
      return { version: JSON.parse(git(root, ['show', `${commit}:${MANIFEST}`])).version, commit, date };
    })
    .reverse();
}

/** True when the repository's history is cut short (a shallow clone): older versions are then unknown. */
export function isShallow(root) {
  return git(root, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
}
