// The cache of committed specs' bundles: found again by what they were made of, whatever the commit or
// the clone; a different spec or redocly.yaml is bundled anew; a damaged entry is made anew; it keeps at
// most KEPT_BUNDLES; and OSM_SPEC_DIFF_CACHE=off keeps nothing.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleAtRef } from '../src/bundle.mjs';
import { bundleCache, bundleCacheFolder, KEPT_BUNDLES } from '../src/bundle-cache.mjs';
import { editYaml, git, removeScratchRepositories, scratchRepository, write } from '../test-support/scratch-repository.mjs';

let folder;
const previous = process.env.OSM_SPEC_DIFF_CACHE;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'spec-diff-cache-test-'));
  process.env.OSM_SPEC_DIFF_CACHE = folder;
});
afterEach(() => {
  if (previous === undefined) delete process.env.OSM_SPEC_DIFF_CACHE;
  else process.env.OSM_SPEC_DIFF_CACHE = previous;
  rmSync(folder, { recursive: true, force: true });
  removeScratchRepositories();
});

const kept = () => readdirSync(folder).filter((name) => name.endsWith('.json'));

describe('bundleAtRef with the cache', () => {
  it('keeps the bundle of a commit and gives it back for any commit with the same spec, in another clone too', () => {
    const root = scratchRepository();
    const first = bundleAtRef(root, 'HEAD');
    expect(kept()).toHaveLength(1);
    // What is kept is what is given back: a planted entry proves the second call read it.
    const [entry] = kept();
    writeFileSync(join(folder, entry), JSON.stringify({ ...first, 'x-planted': true }));
    write(root, 'README.md', 'not the spec\n');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'a change outside spec/');
    expect(bundleAtRef(root, 'HEAD')).toMatchObject({ 'x-planted': true });
    expect(bundleAtRef(scratchRepository(), 'HEAD')).toMatchObject({ 'x-planted': true });
    expect(kept()).toHaveLength(1);
  });

  it('bundles anew when the spec or redocly.yaml differs', () => {
    const root = scratchRepository();
    bundleAtRef(root, 'HEAD');
    editYaml(root, 'spec/paths/v2/labels.yaml', (item) => delete item.delete);
    git(root, 'commit', '-qam', 'deleteLabels removed');
    expect(bundleAtRef(root, 'HEAD').paths['/v2/labels'].delete).toBeUndefined();
    expect(bundleAtRef(root, 'HEAD~1').paths['/v2/labels'].delete).toBeDefined();
    write(root, 'redocly.yaml', 'extends:\n  - minimal\n');
    git(root, 'add', '.');
    git(root, 'commit', '-qm', 'a redocly.yaml');
    bundleAtRef(root, 'HEAD');
    expect(kept()).toHaveLength(3);
  });

  it('makes a damaged entry anew, and keeps nothing of a spec that does not bundle', () => {
    const root = scratchRepository();
    const bundle = bundleAtRef(root, 'HEAD');
    const [entry] = kept();
    writeFileSync(join(folder, entry), '{"openapi": "3.0');
    expect(bundleAtRef(root, 'HEAD')).toEqual(bundle);
    expect(JSON.parse(readFileSync(join(folder, entry), 'utf8'))).toEqual(bundle);

    write(root, 'spec/openapi.yaml', 'openapi: 3.0.3\npaths:\n  /x:\n    $ref: missing.yaml\n');
    git(root, 'commit', '-qam', 'broken');
    expect(() => bundleAtRef(root, 'HEAD')).toThrow(/could not be bundled/);
    expect(kept()).toEqual([entry]);
  });
});

describe('bundleCache', () => {
  it(`keeps at most ${KEPT_BUNDLES} bundles, dropping the least recently used`, () => {
    const cache = bundleCache(folder);
    const files = [];
    for (let i = 0; i < KEPT_BUNDLES; i++) {
      const before = new Set(kept());
      cache.get([`spec ${i}`], () => ({ i }));
      const [file] = kept().filter((name) => !before.has(name));
      const time = new Date(Date.now() - (KEPT_BUNDLES - i) * 60_000); // spec 0 the oldest
      utimesSync(join(folder, file), time, time);
      files.push(file);
    }
    // Read, spec 0 becomes the most recently used; spec 1 is then the one to go.
    expect(cache.get(['spec 0'], () => ({ i: 'made again' }))).toEqual({ i: 0 });
    cache.get(['one more'], () => ({ i: 'new' }));
    expect(kept()).toHaveLength(KEPT_BUNDLES);
    expect(kept()).toContain(files[0]);
    expect(kept()).not.toContain(files[1]);
  });

  it('gives the document when its folder cannot be written, and leaves no half-written file', () => {
    const blocked = join(folder, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder would be');
    expect(bundleCache(join(blocked, 'cache')).get(['a'], () => ({ made: true }))).toEqual({ made: true });
    expect(readdirSync(folder)).toEqual(['not-a-folder']);
    // Written, but not renamed into place (a folder holds its name): the written copy is removed.
    mkdirSync(join(folder, `${createHash('sha256').update('b').digest('hex')}.json`));
    expect(bundleCache(folder).get(['b'], () => ({ made: true }))).toEqual({ made: true });
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('keeps nothing with OSM_SPEC_DIFF_CACHE=off, and says where it keeps bundles otherwise', () => {
    expect(bundleCacheFolder({ OSM_SPEC_DIFF_CACHE: 'off' })).toBeNull();
    expect(bundleCacheFolder({ XDG_CACHE_HOME: '/c' })).toBe(join('/c', 'osm-openapi', 'spec-diff'));
    let made = 0;
    const cache = bundleCache(null);
    cache.get(['a'], () => ({ made: ++made }));
    expect(cache.get(['a'], () => ({ made: ++made }))).toEqual({ made: 2 });
  });
});
