#!/usr/bin/env node
// Runs the README's test command (`npm test`) from a fresh clone while CPU-bound processes run beside it,
// as a newcomer's busy laptop or a shared CI machine would, and reports each run's wall time and closing line.
//
//   node tools/load/under-load.mjs [--busy 4] [--runs 1] [--node 24] [--repo .] [--command "npm test"] [--keep]
//
// --busy N     CPU-bound processes beside the suite (default 4: twice the cores of a 2-core machine)
// --runs K     runs in a row, each from its own fresh clone (default 1); stops at the first failure
// --node V     run the suite under Node V (a major such as 22 or 24) from the npm registry's binary package
//              node-linux-<arch>@V, kept in ~/.cache/osm-openapi/node-V (the package holds the binary itself);
//              `npm test` itself then runs on the pinned toolchain Node unless the command sets OSM_NODE=current
// --repo DIR   the repository to clone (default: this one); the clone holds what is committed, not the work tree
// --command C  the command to run in the clone (default: npm test)
// --keep       keep the clones (their output is in <clone>/under-load.log either way)
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { nodeBinFolder } from '../main/node-toolchain.mjs';

const here = import.meta.dirname;

/** The command line, with defaults; throws a usage error on anything unknown. */
export function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      busy: { type: 'string', default: '4' },
      runs: { type: 'string', default: '1' },
      node: { type: 'string' },
      repo: { type: 'string', default: join(here, '..', '..') },
      command: { type: 'string', default: 'npm test' },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = (name, min) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} takes a whole number of at least ${min}, not "${values[name]}"`);
    return n;
  };
  if (values.node !== undefined && !/^\d+$/.test(values.node))
    throw new Error(`--node takes a major version such as 24, not "${values.node}"`);
  return {
    busy: count('busy', 0),
    runs: count('runs', 1),
    node: values.node,
    repo: resolve(values.repo),
    command: values.command,
    keep: values.keep,
  };
}

/** The last "N passed, N failed" line of a test run's output (the project's closing line), or undefined. */
export function closingLine(output) {
  return output.match(/^\d+ passed, \d+ failed(, \d+ skipped)?$/gm)?.at(-1);
}

/** Environment for npm and for an npm-installed Node: the CA file of this machine's Node carries over. */
function childEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  if (env.NODE_EXTRA_CA_CERTS && !env.npm_config_cafile) env.npm_config_cafile = env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** Starts `count` CPU-bound processes; returns a function that stops them all. */
export function startBusyLoops(count) {
  const loops = Array.from({ length: count }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  return () => {
    for (const loop of loops) loop.kill('SIGKILL');
    return Promise.all(
      loops.map((loop) => (loop.exitCode !== null || loop.signalCode !== null ? undefined : new Promise((r) => loop.once('exit', r)))),
    );
  };
}

/** Clones `repo` into a new folder, runs `command` there, and resolves with what a reader needs to know. */
function runOnce({ repo, command, keep }, env) {
  const clone = mkdtempSync(join(tmpdir(), 'osm-under-load-'));
  const cloned = spawnSync('git', ['clone', '--quiet', repo, clone], { stdio: 'inherit' });
  if (cloned.status !== 0) throw new Error(`git clone ${repo} failed`);
  const log = join(clone, 'under-load.log');
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(command, { cwd: clone, shell: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const file = createWriteStream(log);
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        file.write(chunk);
      });
    }
    child.once('close', (code) => {
      file.end();
      const result = { code, seconds: Math.round((Date.now() - started) / 1000), closing: closingLine(output) ?? '(no closing line)', log };
      if (!keep && code === 0) rmSync(clone, { recursive: true, force: true });
      done(result);
    });
  });
}

async function main() {
  const opts = options(process.argv.slice(2));
  const env = childEnv({ CI: 'true' });
  if (opts.node) env.PATH = `${nodeBinFolder(opts.node)}${delimiter}${env.PATH}`;
  const stopLoops = startBusyLoops(opts.busy);
  process.once('SIGINT', () => stopLoops().then(() => process.exit(130)));
  console.log(`▶ ${opts.runs} run(s) of "${opts.command}" from fresh clones of ${opts.repo}, ${opts.busy} CPU-bound process(es) beside it`);
  const results = [];
  try {
    for (let run = 1; run <= opts.runs; run++) {
      const result = await runOnce(opts, env);
      results.push(result);
      console.log(
        `▶ run ${run}: exit ${result.code}, ${result.seconds} s, ${result.closing}${result.code === 0 && !opts.keep ? '' : ` (log: ${result.log})`}`,
      );
      if (result.code !== 0) break;
    }
  } finally {
    await stopLoops();
  }
  const failed = results.some((r) => r.code !== 0) || results.length < opts.runs;
  console.log(
    `${failed ? '✖' : '✔'} ${results.filter((r) => r.code === 0).length}/${opts.runs} runs green under ${opts.busy} busy process(es)`,
  );
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error) => {
    console.error(`✖ ${error.message}`);
    process.exitCode = 2;
  });
}
