// The bundles of committed specs, kept between runs in the user's cache folder. A committed spec never
// changes, so its bundle is found again by what it was made of (git's object ids and the Redocly version):
// the release checks and the docs' API changelog bundle the same base again and again, each bundle a
// Redocly process of about a core-second.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Bundles kept at most (one of this repository's spec is about 600 kB); the least recently used go first. */
export const KEPT_BUNDLES = 64;

/**
 * Where bundles are kept: `$OSM_SPEC_DIFF_CACHE`, else `$XDG_CACHE_HOME/osm-openapi/spec-diff` or
 * `~/.cache/osm-openapi/spec-diff`; null (nothing kept) when `OSM_SPEC_DIFF_CACHE=off`.
 */
export function bundleCacheFolder(env = process.env) {
  if (env.OSM_SPEC_DIFF_CACHE === 'off') return null;
  if (env.OSM_SPEC_DIFF_CACHE) return env.OSM_SPEC_DIFF_CACHE;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'osm-openapi', 'spec-diff');
}

/** Removes the least recently used bundles beyond `KEPT_BUNDLES`. */
function prune(folder) {
  const bundles = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ path: join(folder, name), used: statSync(join(folder, name)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { path } of bundles.slice(KEPT_BUNDLES)) rmSync(path, { force: true });
}

/**
 * The cache in `folder` (null: none). `get(key, make)` gives the document kept under `key` (strings that
 * say all a bundle was made of), or makes it with `make()` and keeps it. A file that cannot be read or
 * parsed is made anew; a folder that cannot be written costs only time; a failed `make()` keeps nothing.
 * @param {string | null} [folder]
 * @returns {{ get(key: string[], make: () => object): object }}
 */
export function bundleCache(folder = bundleCacheFolder()) {
  return {
    get(key, make) {
      if (!folder) return make();
      const file = join(folder, `${createHash('sha256').update(key.join('\0')).digest('hex')}.json`);
      try {
        const kept = JSON.parse(readFileSync(file, 'utf8'));
        const now = new Date();
        utimesSync(file, now, now);
        return kept;
      } catch {
        // Not kept yet, or not readable: made anew below.
      }
      const document = make();
      // Written whole under another name, then renamed: a concurrent reader sees all of it or nothing.
      const partial = `${file}.${process.pid}.partial`;
      try {
        mkdirSync(folder, { recursive: true });
        writeFileSync(partial, JSON.stringify(document));
        renameSync(partial, file);
        prune(folder);
      } catch {
        // A cache that cannot be written only costs the next run a bundle; a half-written file goes.
        try {
          rmSync(partial, { force: true });
        } catch {
          // No folder to write in: nothing was written.
        }
      }
      return document;
    },
  };
}
