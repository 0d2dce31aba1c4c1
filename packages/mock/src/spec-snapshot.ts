// Prism watches the file it serves and restarts when the file changes, closing its port meanwhile: a
// rebuild of the spec during a test run would turn answers into 502s, and Prism's spec would no longer
// be the one the front server read. So each mock serves a private copy, taken once at start.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { specTextForPrism } from './prism-security.js';

/** A private copy of a spec file. */
export interface SpecSnapshot {
  /** Where the copy is (same file name as the original, so Prism parses it the same way). */
  path: string;
  /** The original's text. */
  text: string;
  /** Deletes the copy; also done when the process exits. */
  remove(): void;
}

/** Copies `specPath` to a new temporary folder, as Prism can check its security schemes (see prism-security.ts). */
export function snapshotSpec(specPath: string): SpecSnapshot {
  const text = readFileSync(specPath, 'utf8');
  const folder = mkdtempSync(join(tmpdir(), 'osm-mock-'));
  const path = join(folder, basename(specPath));
  writeFileSync(path, specTextForPrism(text, specPath));
  const remove = () => {
    process.off('exit', remove);
    rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', remove);
  return { path, text, remove };
}
