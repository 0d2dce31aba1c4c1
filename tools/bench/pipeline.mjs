// Measurement 4: `turbo run build` of the whole workspace from nothing (an empty, throwaway turbo cache,
// so every task really runs: bundle, generate, tsc) vs the same build again, served from that cache.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { now, summarize } from './stats.mjs';

function turboBuild(root, env, cacheDir) {
  const start = now();
  const result = spawnSync(
    join(root, 'node_modules', '.bin', 'turbo'),
    ['run', 'build', `--cache-dir=${cacheDir}`, '--output-logs=errors-only'],
    { cwd: root, env, encoding: 'utf8' },
  );
  const elapsed = now() - start;
  if (result.status !== 0) {
    throw new Error(`turbo run build failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(result.stdout);
  return { elapsed, cached: cached ? Number(cached[1]) : undefined, total: cached ? Number(cached[2]) : undefined };
}

/**
 * Times cold and cached workspace builds, one pair per round.
 * @param {{ root: string, env: NodeJS.ProcessEnv, rounds: number }} options
 */
export function benchPipeline({ root, env, rounds }) {
  const cold = [];
  const cached = [];
  let tasks;
  for (let round = 0; round < rounds; round++) {
    const cacheDir = mkdtempSync(join(tmpdir(), 'osm-bench-turbo-'));
    try {
      cold.push(turboBuild(root, env, cacheDir).elapsed);
      const second = turboBuild(root, env, cacheDir);
      if (second.cached !== second.total) {
        throw new Error(
          `the second build was not fully cached (${second.cached}/${second.total} tasks): some task's outputs are not declared`,
        );
      }
      tasks = second.total;
      cached.push(second.elapsed);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  }
  const subject = summarize(cold, 'ms');
  const baseline = summarize(cached, 'ms');
  return {
    id: 'pipeline',
    title: 'pipeline',
    comparisons: [
      {
        label: `turbo run build, cold (${tasks} tasks)`,
        subject,
        baselineLabel: 'same build, cached',
        baseline,
        ratio: subject.median / baseline.median,
      },
    ],
  };
}
