// What changed on this branch: the files that differ between the merge base with the base branch and the
// working tree (committed, staged, unstaged and untracked alike, so a local run before committing agrees
// with CI's run on the pushed branch).
import { spawnSync } from 'node:child_process';

function git(cwd, args) {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.error) throw new Error(`git could not be run: ${result.error.message}`);
  return result;
}

/** The repository's top folder, as git sees it from `cwd`. */
export function repositoryRoot(cwd) {
  const result = git(cwd, ['rev-parse', '--show-toplevel']);
  if (result.status !== 0) throw new Error(`${cwd} is not inside a git repository.`);
  return result.stdout.trim();
}

/** The commit this branch forked from `base` at; tries `origin/<base>` when there is no local `<base>`. */
export function mergeBase(cwd, base) {
  for (const ref of [base, `origin/${base}`]) {
    const result = git(cwd, ['merge-base', ref, 'HEAD']);
    if (result.status === 0) return result.stdout.trim();
  }
  throw new Error(
    `The base branch "${base}" was not found (neither "${base}" nor "origin/${base}"). ` +
      `Fetch it first, e.g. git fetch origin ${base}:${base}.`,
  );
}

/**
 * The files changed since this branch left `base`.
 * @returns {{ status: 'A' | 'M' | 'D' | 'T', path: string }[]} renames appear as a deletion plus an addition
 */
export function changedFilesSince(cwd, base) {
  const since = mergeBase(cwd, base);
  const diff = git(cwd, ['diff', '--name-status', '--no-renames', '-z', since]);
  if (diff.status !== 0) throw new Error(`git diff failed: ${diff.stderr.trim()}`);
  const fields = diff.stdout.split('\0').filter(Boolean);
  const changes = [];
  for (let i = 0; i + 1 < fields.length; i += 2) changes.push({ status: fields[i], path: fields[i + 1] });
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '-z']);
  for (const path of untracked.stdout.split('\0').filter(Boolean)) changes.push({ status: 'A', path });
  return changes;
}
