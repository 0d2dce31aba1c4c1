// The README's commands run on the toolchain Node whatever Node starts them: a script calling
// runOnToolchainNode() from Node 20 (the oldest a newcomer may have) re-runs under the pinned Node, with its
// folder first on PATH and the child's exit code; OSM_NODE=current keeps the machine's Node.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeBinFolder, TOOLCHAIN_NODE } from '../node-toolchain.mjs';

let dir;
let script;
let node20;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'osm-node-toolchain-'));
  script = join(dir, 'command.mjs');
  const module = pathToFileURL(join(import.meta.dirname, '..', 'node-toolchain.mjs')).href;
  writeFileSync(
    script,
    [
      `import { runOnToolchainNode } from '${module}';`,
      'await runOnToolchainNode();',
      "import { execFileSync } from 'node:child_process';",
      "const onPath = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();",
      'console.log(JSON.stringify({ node: process.version, onPath, args: process.argv.slice(2) }));',
      'process.exitCode = 7;',
    ].join('\n'),
  );
  // The pack test fetches the same one; fetched once per machine either way.
  node20 = join(nodeBinFolder('20'), 'node');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (node, env = {}) => spawnSync(node, [script, 'a', 'b'], { encoding: 'utf8', env: { ...process.env, OSM_NODE: '', ...env } });
const result = (stdout) => JSON.parse(stdout.trim().split('\n').at(-1));

describe('runOnToolchainNode()', () => {
  it('re-runs a command started on Node 20 under the pinned Node, saying so in one line, with its arguments and exit code', () => {
    const child = run(node20);
    expect(child.stderr).toBe('');
    expect(child.stdout).toMatch(
      new RegExp(`^▶ This machine has Node v20\\.[\\d.]+; the toolchain runs on Node ${TOOLCHAIN_NODE} \\(\\.node-version\\), from `),
    );
    expect(result(child.stdout)).toEqual({ node: `v${TOOLCHAIN_NODE}`, onPath: `v${TOOLCHAIN_NODE}`, args: ['a', 'b'] });
    expect(child.status).toBe(7);
  });

  it('does nothing on the pinned Node', () => {
    const toolchain = join(nodeBinFolder(TOOLCHAIN_NODE), 'node');
    const child = run(toolchain);
    expect(child.stdout.trim().split('\n')).toHaveLength(1);
    expect(result(child.stdout).node).toBe(`v${TOOLCHAIN_NODE}`);
    expect(child.status).toBe(7);
  });

  it("keeps the machine's Node with OSM_NODE=current, and says so", () => {
    const child = run(node20, { OSM_NODE: 'current' });
    expect(child.stdout).toMatch(/^▶ OSM_NODE=current: running on this machine's Node v20\./);
    expect(result(child.stdout).node).toMatch(/^v20\./);
    expect(child.status).toBe(7);
  });
});

describe('the fetched Node', () => {
  const platform = `${process.platform}-${process.arch}`;
  const pins = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'node-integrity.json'), 'utf8'));

  it("is the package whose integrity is pinned for the toolchain's version", () => {
    const bin = nodeBinFolder(TOOLCHAIN_NODE);
    const lock = JSON.parse(readFileSync(join(bin, '..', '..', '.package-lock.json'), 'utf8'));
    expect(pins[TOOLCHAIN_NODE]?.[platform], `tools/main/node-integrity.json has no ${platform} pin for ${TOOLCHAIN_NODE}`).toBeTruthy();
    expect(lock.packages[`node_modules/node-${platform}`].integrity).toBe(pins[TOOLCHAIN_NODE][platform]);
  });

  /**
   * A copy of the module beside the pin `pin` (node-integrity.json), fetching into a cache of its own with
   * `npm` on PATH: a shell script of the lines given. Returns what nodeBinFolder() threw and what the cache
   * folder kept.
   */
  async function fetchWithCopy(pin, npm) {
    const tree = mkdtempSync(join(dir, 'tree-'));
    mkdirSync(join(tree, 'tools', 'main'), { recursive: true });
    mkdirSync(join(tree, 'bin'));
    copyFileSync(join(import.meta.dirname, '..', 'node-toolchain.mjs'), join(tree, 'tools', 'main', 'node-toolchain.mjs'));
    writeFileSync(join(tree, '.node-version'), `${TOOLCHAIN_NODE}\n`);
    writeFileSync(join(tree, 'tools', 'main', 'node-integrity.json'), JSON.stringify({ [TOOLCHAIN_NODE]: { [platform]: pin } }));
    writeFileSync(join(tree, 'bin', 'npm'), ['#!/bin/sh', ...npm].join('\n'), { mode: 0o755 });
    const copy = await import(pathToFileURL(join(tree, 'tools', 'main', 'node-toolchain.mjs')).href);
    const saved = { PATH: process.env.PATH, XDG_CACHE_HOME: process.env.XDG_CACHE_HOME };
    Object.assign(process.env, { PATH: `${join(tree, 'bin')}:${process.env.PATH}`, XDG_CACHE_HOME: join(tree, 'cache') });
    try {
      copy.nodeBinFolder(TOOLCHAIN_NODE, { log: () => {} });
      return { error: undefined };
    } catch (error) {
      const cache = join(tree, 'cache', 'osm-openapi');
      return { error, kept: existsSync(cache) ? readdirSync(cache) : [] };
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }

  const pinned = () => pins[TOOLCHAIN_NODE][platform];
  const wrong = `sha512-${Buffer.alloc(64).toString('base64')}`;

  it('is refused before it is fetched, and nothing kept, when the registry lists another package than the pinned one', async () => {
    // The registry's real listing, against a pin no package matches; an install would fail this test.
    const npm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    const { error, kept } = await fetchWithCopy(wrong, [
      '[ "$1" = view ] || { echo "npm $1 was run" >&2; exit 99; }',
      `exec "${npm}" "$@"`,
    ]);
    expect(error?.message).toMatch(/has integrity sha512-\S+, not the sha512-A+=* pinned in tools\/main\/node-integrity\.json: refused/);
    expect(kept).toEqual([]);
  });

  it('is refused, and nothing kept, when npm installs another package than the registry listed', async () => {
    // An npm that lists the pinned integrity, then installs a package whose recorded integrity is another.
    const name = `node-${platform}`;
    const lock = JSON.stringify({ packages: { [`node_modules/${name}`]: { integrity: wrong } } });
    const { error, kept } = await fetchWithCopy(pinned(), [
      `if [ "$1" = view ]; then echo '"${pinned()}"'; exit 0; fi`,
      `mkdir -p "$3/node_modules/${name}/bin" && touch "$3/node_modules/${name}/bin/node"`,
      `echo '${lock}' > "$3/node_modules/.package-lock.json"`,
    ]);
    expect(error?.message).toMatch(/has integrity sha512-A+=*, not the sha512-\S+ pinned in tools\/main\/node-integrity\.json: refused/);
    expect(kept).toEqual([]);
  });
});
