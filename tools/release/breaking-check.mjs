// The rule for breaking API changes: a pull request whose spec change breaks consumers needs a changeset
// that releases both @osm-openapi/spec and @osm-openapi/client as a major, or a changeset that says, in one
// line, why it does not (the override). Pure functions, like changeset-check.mjs.
import { SPEC_CONSUMERS } from './changeset-check.mjs';

/**
 * The override line a changeset may carry, e.g.
 * `Breaking-change override: the real API never returned this field (see ERRATA.md).`
 * It lands in the CHANGELOG with the rest of the changeset, so consumers read the reason too.
 */
export const OVERRIDE_PATTERN = /^Breaking-change override:[ \t]*(\S.*)$/m;

/**
 * Decides whether the breaking changes among `changes` are covered.
 * @param {import('@osm-openapi/spec-diff/classify').ApiChange[]} changes the classified API diff
 * @param {{ path: string, text: string, releases: Record<string, string> }[]} changesets written by the branch
 * @returns {{ ok: boolean, breaking: number, message: string, override?: { path: string, line: string } }}
 */
export function checkBreakingChanges(changes, changesets) {
  const breaking = changes.filter((c) => c.class === 'breaking').length;
  if (breaking === 0) return { ok: true, breaking, message: 'The API diff has no breaking change.' };
  const plural = breaking === 1 ? 'breaking change' : 'breaking changes';
  const majors = new Set(changesets.flatMap(({ releases }) => Object.keys(releases).filter((name) => releases[name] === 'major')));
  if (SPEC_CONSUMERS.every((name) => majors.has(name))) {
    return {
      ok: true,
      breaking,
      message: `The API diff has ${breaking} ${plural}, released as a major of ${SPEC_CONSUMERS.join(' and ')}.`,
    };
  }
  for (const { path, text } of changesets) {
    const match = OVERRIDE_PATTERN.exec(text);
    if (match) {
      return {
        ok: true,
        breaking,
        override: { path, line: match[0].trim() },
        message: `The API diff has ${breaking} ${plural}, accepted without a major by ${path}: "${match[0].trim()}"`,
      };
    }
  }
  const missing = SPEC_CONSUMERS.filter((name) => !majors.has(name));
  return {
    ok: false,
    breaking,
    message: [
      `The API diff has ${breaking} ${plural}, but no changeset releases ${missing.join(' and ')} as a major.`,
      `Consumers pin these packages by semver: a breaking change needs "${SPEC_CONSUMERS.join('": major and "')}": major in a changeset.`,
      'If the change only corrects the spec to what the API really does (nobody could rely on the old text), keep the bump',
      'and add one line to the changeset saying why: "Breaking-change override: <reason>".',
    ].join('\n'),
  };
}
