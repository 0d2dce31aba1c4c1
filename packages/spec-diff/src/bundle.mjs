// One side of a comparison, as a bundled OpenAPI document: the spec at a git ref, in the working tree, in a
// published @osm-openapi/spec version, or in a file. Bundled by Redocly as packages/spec does, so both
// sides of a diff are shaped alike.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { bundleCache } from './bundle-cache.mjs';

const require = createRequire(import.meta.url);
const redocly = require.resolve('@redocly/cli/bin/cli.js');
const redoclyVersion = require('@redocly/cli/package.json').version;
/** How Redocly is asked to bundle: part of what a kept bundle was made of, with Redocly's version. */
const BUNDLE_OPTIONS = ['--ext', 'json'];

/** Runs `fn(dir)` with a fresh temporary folder and removes it afterwards. */
function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'spec-diff-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Bundles `<root>/spec/openapi.yaml` (with `<root>/redocly.yaml` when there is one) into one document.
 * @param {string} root a folder holding `spec/`
 * @param {string} label names the side in errors
 */
export function bundleSpecFolder(root, label) {
  if (!existsSync(join(root, 'spec', 'openapi.yaml'))) throw new Error(`${label} has no spec/openapi.yaml.`);
  return withTempDir((dir) => {
    const out = join(dir, 'openapi.json');
    const result = spawnSync(process.execPath, [redocly, 'bundle', 'spec/openapi.yaml', '--output', out, ...BUNDLE_OPTIONS], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    if (result.status !== 0 || !existsSync(out)) {
      // Redocly prints a code frame per problem: the first problems say enough.
      const problems = result.stderr.split('\n').filter((line) => /^\[\d+\] |^Can't resolve|^❌/.test(line.trim()));
      const shown = problems.length > 6 ? [...problems.slice(0, 6), `... (${problems.length - 6} more lines)`] : problems;
      throw new Error(`The spec of ${label} could not be bundled:\n${(shown.length ? shown.join('\n') : result.stderr).trim()}`);
    }
    return JSON.parse(readFileSync(out, 'utf8'));
  });
}

/**
 * The spec as committed at `ref` (spec/ and redocly.yaml extracted with `git archive`), bundled. What is
 * extracted is named by git's object ids, so the bundle is kept in the user's cache under them (with the
 * Redocly version) and read from there the next time the same spec is asked for, at any ref of any clone.
 */
export function bundleAtRef(repoRoot, ref) {
  const known = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repoRoot, encoding: 'utf8' });
  if (known.status !== 0) throw new Error(`"${ref}" is not a commit of this repository.`);
  const objectId = (path) => spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}:${path}`], { cwd: repoRoot, encoding: 'utf8' });
  const spec = objectId('spec');
  if (spec.status !== 0) throw new Error(`${ref} has no spec/ folder.`);
  const config = objectId('redocly.yaml');
  const key = [
    'spec',
    spec.stdout.trim(),
    'redocly.yaml',
    config.status === 0 ? config.stdout.trim() : 'none',
    'redocly',
    redoclyVersion,
    ...BUNDLE_OPTIONS,
  ];
  return bundleCache().get(key, () =>
    withTempDir((dir) => {
      const tar = execFileSync('git', ['archive', '--format=tar', ref, 'spec', ...(config.status === 0 ? ['redocly.yaml'] : [])], {
        cwd: repoRoot,
        maxBuffer: 256 * 1024 * 1024,
      });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
      return bundleSpecFolder(dir, ref);
    }),
  );
}

/** A bundled spec file (`.json`, `.yaml`) or a packed @osm-openapi/spec (`.tgz`: its dist/openapi.json). */
export function readSpecFile(file) {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`${file} does not exist.`);
  if (/\.t(ar\.)?gz$/.test(path)) {
    return withTempDir((dir) => {
      execFileSync('tar', ['-xzf', path, '-C', dir]);
      const inside = join(dir, 'package', 'dist', 'openapi.json');
      if (!existsSync(inside)) throw new Error(`${basename(file)} holds no package/dist/openapi.json: is it a packed @osm-openapi/spec?`);
      return JSON.parse(readFileSync(inside, 'utf8'));
    });
  }
  const text = readFileSync(path, 'utf8');
  const document = path.endsWith('.json') ? JSON.parse(text) : parse(text);
  if (typeof document?.openapi !== 'string') throw new Error(`${file} is not an OpenAPI document (no "openapi" field).`);
  return document;
}

/** A published version of @osm-openapi/spec, fetched with `npm pack` from the registry npm is set up for. */
export function readPublishedVersion(version) {
  return withTempDir((dir) => {
    const result = spawnSync('npm', ['pack', `@osm-openapi/spec@${version}`, '--pack-destination', dir, '--silent'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (result.status !== 0 || !tarball) {
      throw new Error(`@osm-openapi/spec@${version} could not be fetched with npm pack:\n${(result.stderr ?? '').trim()}`);
    }
    return readSpecFile(join(dir, tarball));
  });
}
