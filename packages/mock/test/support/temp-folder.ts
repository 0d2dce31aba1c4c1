import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';

/** A new folder for the running test's seed files, removed when the test ends (passed or not). */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'osm-seed-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
