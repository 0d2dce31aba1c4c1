// Writes a fixture where the contract tests read it: <dir>/<operationId>/<case>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes one (already redacted) fixture; returns the file written. */
export function writeFixture(dir, fixture) {
  const folder = join(dir, fixture.operationId);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${fixture.case}.json`);
  writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
  return file;
}
