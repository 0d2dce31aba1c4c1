// `npm run bench`: installs and builds like the other commands, then measures ten things, each against a
// baseline measured in the same run, prints a table and writes bench/results.json (see bench/README.md).
// Never part of `npm test`: timings depend on the machine and its load.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ensurePnpm, env, installDependencies, main, root, run, step } from './bootstrap.mjs';

/** Rounds and sizes, chosen to keep a full run under about five minutes on two cores. */
const SETTINGS = {
  clientOverhead: { rounds: 100, calls: 60 },
  mock: { rounds: 3, durationSeconds: 5 },
  mockUploads: { rounds: 3, durationSeconds: 3 },
  mockMemory: { rounds: 1 },
  mockColdStart: { rounds: 7 },
  mockProxy: { rounds: 3, durationSeconds: 5 },
  pipeline: { rounds: 3 },
  types: { rounds: 5 },
};

await main(async () => {
  const started = Date.now();
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  step('Building the spec, client and mock (turbo run build)');
  run(pnpm[0], [...pnpm.slice(1), 'exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);

  // Imported only now: they need the dependencies and the built packages.
  const { benchClientOverhead } = await import('../bench/client-overhead.mjs');
  const { benchMockThroughput } = await import('../bench/mock-throughput.mjs');
  const { benchMockUploads } = await import('../bench/mock-uploads.mjs');
  const { benchMockMemory } = await import('../bench/mock-memory.mjs');
  const { benchMockProxy } = await import('../bench/mock-proxy.mjs');
  const { benchBundleSize } = await import('../bench/bundle-size.mjs');
  const { benchPipeline } = await import('../bench/pipeline.mjs');
  const { benchTypes } = await import('../bench/types.mjs');
  const { benchClientMemory } = await import('../bench/client-memory.mjs');
  const { benchMockColdStart } = await import('../bench/mock-cold-start.mjs');
  const { renderTable } = await import('../bench/table.mjs');
  const spec = JSON.parse(readFileSync(join(root, 'packages', 'spec', 'dist', 'openapi.json'), 'utf8'));

  const benches = [
    [
      "1/10 client call: @osm-openapi/client vs raw fetch, openapi-fetch and Huawei's SDK core",
      () => benchClientOverhead({ root, spec, ...SETTINGS.clientOverhead }),
    ],
    ['2/10 mock vs bare Prism CLI and plain node:http (autocannon)', () => benchMockThroughput(SETTINGS.mock)],
    ['3/10 bundle size: the client vs openapi-fetch (esbuild, minified + gzip)', () => benchBundleSize()],
    ['4/10 pipeline: cold vs cached turbo run build', () => benchPipeline({ root, env, ...SETTINGS.pipeline })],
    ['5/10 types: tsc --noEmit of a consumer calling every operation', () => benchTypes({ root, spec, ...SETTINGS.types })],
    ['6/10 client memory: peak RSS against a 1 GiB body and a gzip bomb, vs bare openapi-fetch', () => benchClientMemory()],
    ['7/10 mock uploads: 9 MiB form vs 9 MiB JSON, GETs during uploads', () => benchMockUploads(SETTINGS.mockUploads)],
    ['8/10 mock memory: a 50 MB seed, RSS after uploads and after a reset', () => benchMockMemory(SETTINGS.mockMemory)],
    [
      '9/10 mock cold start: first answer through osmHandlers() and startMock() in a fresh process, vs one msw handler',
      () => benchMockColdStart(SETTINGS.mockColdStart),
    ],
    [
      '10/10 mock proxy: osm-mock --proxy vs bare prism proxy to one node:http upstream (autocannon; added latency)',
      () => benchMockProxy(SETTINGS.mockProxy),
    ],
  ];
  const measurements = [];
  const failures = [];
  const loadBefore = loadavg()[0];
  for (const [index, [title, bench]] of benches.entries()) {
    step(title);
    const benchStarted = Date.now();
    try {
      const measurement = await bench();
      measurements.push({ number: index + 1, ...measurement, seconds: Math.round((Date.now() - benchStarted) / 1000) });
    } catch (error) {
      failures.push(`${title}: ${error instanceof Error ? error.message : String(error)}`);
      console.error(`  failed: ${failures.at(-1)}`);
    }
  }

  const results = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}`,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
    },
    settings: SETTINGS,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    measurements,
    failures,
  };
  mkdirSync(join(root, 'bench'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  step(`Results (median of the rounds, range in brackets; ratio = subject / baseline) - ${results.durationSeconds} s`);
  console.log(renderTable(measurements));
  console.log('\nWritten to bench/results.json. What each line measures: bench/README.md.');
  if (failures.length) throw new Error(`${failures.length} measurement(s) failed:\n${failures.join('\n')}`);
});
