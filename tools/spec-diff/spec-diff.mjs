// `pnpm spec:diff [--base <git ref> | --against <version or file>] [--json]`: bundles the spec of the
// working tree and of the chosen base (default: the merge base with main), and prints every change to the
// API, classified breaking / non-breaking / documentation-only and grouped per operation.
import { parseArgs } from 'node:util';
import { repositoryRoot } from '../release/git-changes.mjs';
import { bundleSpecFolder } from './bundle.mjs';
import { compareSpecs } from './classify.mjs';
import { sourceLocator } from './locate.mjs';
import { formatText } from './report.mjs';
import { beforeSide } from './sides.mjs';

try {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, against: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
  });
  const root = repositoryRoot(process.cwd());
  const before = beforeSide(root, values);
  const after = bundleSpecFolder(root, 'the working tree');
  const changes = compareSpecs(before.document, after);
  if (values.json) {
    const locate = sourceLocator(root);
    console.log(JSON.stringify({ from: before.label, to: 'working tree', changes: changes.map((c) => ({ ...c, source: locate(c.pointer) })) }, null, 2));
  } else {
    console.log(formatText(changes, { from: before.label, to: 'the working tree', locate: sourceLocator(root) }));
  }
} catch (error) {
  console.error(`spec:diff: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
