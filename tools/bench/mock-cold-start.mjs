// Measurement 9: the mock's cold start, as a test file meets it. Each round starts a fresh Node process per
// variant (their order turning from round to round) and reads the time from the process's start to its
// first answer (cold-start-child.mjs): osmHandlers() under msw's setupServer against the same process with
// one trivial msw handler (the floor: what any msw user pays), and startMock() answering over loopback HTTP.
// Run alone with `node tools/bench/mock-cold-start.mjs [rounds]`; `npm run bench` calls benchMockColdStart().
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { summarize } from './stats.mjs';

const CHILD = fileURLToPath(new URL('./cold-start-child.mjs', import.meta.url));
const VARIANTS = ['msw-floor', 'msw-osm', 'start-mock'];

/** One cold start of `variant`, in milliseconds. */
function coldStart(variant) {
  const output = execFileSync(process.execPath, [CHILD, variant], { encoding: 'utf8', timeout: 60_000 });
  return JSON.parse(output.trim().split('\n').at(-1)).ms;
}

/**
 * Times cold starts of each variant in interleaved rounds.
 * @param {{ rounds: number }} options
 */
export function benchMockColdStart({ rounds }) {
  const samples = Object.fromEntries(VARIANTS.map((v) => [v, []]));
  const ratios = [];
  for (let round = 0; round < rounds; round++) {
    const order = VARIANTS.map((_, i) => VARIANTS[(i + round) % VARIANTS.length]);
    const times = {};
    for (const variant of order) times[variant] = coldStart(variant);
    for (const variant of VARIANTS) samples[variant].push(times[variant]);
    ratios.push(times['msw-osm'] / times['msw-floor']);
  }
  const floor = summarize(samples['msw-floor'], 'ms');
  const osm = summarize(samples['msw-osm'], 'ms');
  const server = summarize(samples['start-mock'], 'ms');
  return {
    id: 'mock-cold-start',
    title: 'mock cold start',
    comparisons: [
      {
        label: 'first answer, osmHandlers() (budget 1.5×)',
        subject: osm,
        baselineLabel: 'one trivial msw handler',
        baseline: floor,
        ratio: summarize(ratios, '×').median,
      },
      {
        label: 'first answer, startMock() over HTTP (budget 500 ms)',
        subject: server,
        baselineLabel: 'one trivial msw handler',
        baseline: floor,
        ratio: server.median / floor.median,
      },
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { renderTable } = await import('./table.mjs');
  console.log(renderTable([benchMockColdStart({ rounds: Number(process.argv[2] ?? 7) })]));
}
