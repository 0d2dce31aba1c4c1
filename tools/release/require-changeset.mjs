// `node tools/release/require-changeset.mjs --base main`: fails (exit 1) when this branch changes a public
// package - or spec/**, which changes the generated types of @osm-openapi/spec and @osm-openapi/client -
// without a changeset naming it. Run by CI on every pull request; works locally before committing too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkChangesets } from './changeset-check.mjs';
import { changedFilesSince, repositoryRoot } from './git-changes.mjs';
import { readPublicPackages } from './public-packages.mjs';

try {
  const { values } = parseArgs({ options: { base: { type: 'string', default: 'main' } }, strict: true });
  const root = repositoryRoot(process.cwd());
  const changes = changedFilesSince(root, values.base);
  const result = checkChangesets(changes, readPublicPackages(root), (path) => readFileSync(join(root, path), 'utf8'));
  if (result.ok) {
    console.log(`require-changeset: ${result.message}`);
  } else {
    console.error(`require-changeset: ${result.message}`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`require-changeset: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
