// `pnpm spec:diff [--base <git ref> | --against <version or file>] [--head <git ref>] [--json]`: bundles
// the spec of the working tree (or of --head) and of the chosen base (default: the merge base with main),
// and prints every change to the API, classified breaking / non-breaking / documentation-only and grouped
// per operation, with the source line of each change in the working tree.
import { parseArgs } from 'node:util';
import { bundleAtRef, bundleSpecFolder } from '../src/bundle.mjs';
import { compareSpecs } from '../src/classify.mjs';
import { repositoryRoot } from '../src/git.mjs';
import { sourceLocator } from '../src/locate.mjs';
import { formatText } from '../src/report.mjs';
import { beforeSide } from '../src/sides.mjs';

try {
  const { values } = parseArgs({
    options: {
      base: { type: 'string' },
      against: { type: 'string' },
      head: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const root = repositoryRoot(process.cwd());
  const before = beforeSide(root, values);
  const to = values.head ?? 'the working tree';
  const after = values.head ? bundleAtRef(root, values.head) : bundleSpecFolder(root, to);
  const changes = compareSpecs(before.document, after);
  // Source lines are those of the working tree's files: shown only when that is the side compared.
  const locate = values.head ? undefined : sourceLocator(root);
  if (values.json) {
    const located = changes.map((c) => (locate ? { ...c, source: locate(c.pointer) } : c));
    console.log(JSON.stringify({ from: before.label, to, changes: located }, null, 2));
  } else {
    console.log(formatText(changes, { from: before.label, to, locate }));
  }
} catch (error) {
  console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
