// The README's commands run on the toolchain Node whatever Node starts them: a script calling
// runOnToolchainNode() from Node 20 (the oldest a newcomer may have) re-runs under the pinned Node, with its
// folder first on PATH and the child's exit code; OSM_NODE=current keeps the machine's Node.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('is refused, and nothing kept, when the registry gives another package than the pinned one', async () => {
    // A copy of the module beside a pin that no package matches, fetching into a cache of its own.
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'tools', 'main'), { recursive: true });
    copyFileSync(join(import.meta.dirname, '..', 'node-toolchain.mjs'), join(tree, 'tools', 'main', 'node-toolchain.mjs'));
    writeFileSync(join(tree, '.node-version'), `${TOOLCHAIN_NODE}\n`);
    const wrong = `sha512-${Buffer.alloc(64).toString('base64')}`;
    writeFileSync(join(tree, 'tools', 'main', 'node-integrity.json'), JSON.stringify({ [TOOLCHAIN_NODE]: { [platform]: wrong } }));
    const copy = await import(pathToFileURL(join(tree, 'tools', 'main', 'node-toolchain.mjs')).href);
    const cache = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = join(dir, 'cache');
    try {
      expect(() => copy.nodeBinFolder(TOOLCHAIN_NODE, { log: () => {} })).toThrow(
        /not the sha512-A+=* pinned in tools\/main\/node-integrity\.json: refused/,
      );
      expect(existsSync(join(dir, 'cache', 'osm-openapi', `node-${TOOLCHAIN_NODE}`))).toBe(false);
    } finally {
      if (cache === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = cache;
    }
  });
});
