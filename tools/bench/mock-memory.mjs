// The stateful mock's memory and seeds (issue 24), each against a baseline of the same run:
// - a 50 MB valid seed file: `osm-mock --stateful-seed` from start to first answer (target <= 10 s), and
//   its RSS, against `osm-mock --stateful` on the spec's examples;
// - RSS after a day's worth of uploads (8 x 4 MiB, OSM's limits), a dump of the state and a reset, against
//   the RSS of the same process at its start; then after three such rounds against one: the memory of a
//   reset store is used again, not added to. (RSS does not fall back to its start by itself: V8 frees the
//   store's buffers at its next full collection, which a quiet process may not run for a long while.)
// Run alone with `node tools/bench/mock-memory.mjs [rounds]`; `npm run bench` calls benchMockMemory().
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MOCK_BIN, startServer } from './server-process.mjs';
import { comparison, summarize } from './stats.mjs';

const SEED_FILE = fileURLToPath(new URL('../../bench/.tmp/seed-50mb.json', import.meta.url));
const SEED_BYTES = 50 * 1000 * 1000;
const TOKEN = { 'X-Auth-Token': 'bench' };
const PROBE = { path: '/v2/servicerequest/cases/CS20240101000001/status', headers: TOKEN };
const ATTACHMENT = 4 * 1024 * 1024;
const UPLOADS = 8;
const CYCLES = 3;

/** Writes a valid seed of about 50 MB: 30 labels, tickets with messages and labels, a few attachments. */
function writeSeed() {
  const labels = Array.from({ length: 30 }, (_, i) => ({ label_id: i + 1, name: `label ${i + 1}`, color: '#336699' }));
  const accessories = Array.from({ length: 4 }, (_, i) => ({
    accessory_id: String(200_001 + i),
    file_name: `log-${i}.txt`,
    media_type: 'application/octet-stream',
    content_base64: Buffer.alloc(1024 * 1024, 65 + i).toString('base64'),
  }));
  const text = (n, i) =>
    `Ticket text ${i}: ${'the instance does not answer on its private address after a reboot; '.repeat(n)}`.slice(0, 2000);
  const cases = [];
  let size = JSON.stringify({ labels, accessories }).length;
  for (let i = 0; size < SEED_BYTES; i++) {
    const id = `CS2025${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i).padStart(6, '0')}`;
    const ticket = {
      incident_id: id,
      status: [0, 1, 2, 3, 4, 12, 17][i % 7],
      create_time: '2025-06-01 08:00:00',
      simple_description: text(3, i),
      label_ids: [1 + (i % 30), 1 + ((i + 7) % 30)],
      message_list: Array.from({ length: 3 }, (_, m) => ({
        message_id: `msg-${i}-${m}`,
        type: m % 2,
        content: text(4, m),
        create_time: '2025-06-01 09:00:00',
        accessory_list: m === 0 ? [{ accessory_id: '200001', file_actual_name: 'log-0.txt' }] : [],
      })),
    };
    cases.push(ticket);
    size += JSON.stringify(ticket).length + 1;
  }
  mkdirSync(fileURLToPath(new URL('.', `file://${SEED_FILE}`)), { recursive: true });
  writeFileSync(SEED_FILE, JSON.stringify({ cases, labels, accessories }));
  return { tickets: cases.length, bytes: statSync(SEED_FILE).size };
}

const stateful = (extra) => (port) => [MOCK_BIN, '--port', String(port), '--quiet', '--stateful', ...extra];

/** A day's uploads, a dump of the state and a reset, `cycles` times: RSS at the start and after the first and the last cycle. */
async function uploadCycles(cycles) {
  const server = await startServer('osm-mock --stateful', stateful([]), PROBE);
  try {
    const start = server.rss();
    const after = [];
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (let i = 0; i < UPLOADS; i++) {
        const form = new FormData();
        form.append('file', new Blob([Buffer.alloc(ATTACHMENT, 48 + i)]), `part-${i}.bin`);
        form.append('form_data', '{}');
        const answer = await (
          await fetch(`${server.url}/v2/servicerequest/accessorys`, { method: 'POST', headers: TOKEN, body: form })
        ).json();
        if (!answer.accessory_id) throw new Error(`upload ${i}: ${JSON.stringify(answer)}`);
      }
      await (await fetch(`${server.url}/__osm/state`)).arrayBuffer();
      if ((await fetch(`${server.url}/__osm/reset`, { method: 'POST' })).status !== 200) throw new Error('reset failed');
      after.push(server.rss());
    }
    return { start, first: after[0], last: after.at(-1) };
  } finally {
    await server.stop();
  }
}

/**
 * @param {{ rounds: number }} options
 */
export async function benchMockMemory({ rounds }) {
  const seed = writeSeed();
  const samples = { seedStart: [], plainStart: [], seedRss: [], plainRss: [], start: [], first: [], last: [] };
  for (let round = 0; round < rounds; round++) {
    const seeded = await startServer('osm-mock --stateful-seed', stateful(['--stateful-seed', SEED_FILE]), PROBE);
    samples.seedStart.push(seeded.startMs);
    samples.seedRss.push(seeded.rss());
    await seeded.stop();
    const plain = await startServer('osm-mock --stateful', stateful([]), PROBE);
    samples.plainStart.push(plain.startMs);
    samples.plainRss.push(plain.rss());
    await plain.stop();
    const memory = await uploadCycles(CYCLES);
    for (const key of ['start', 'first', 'last']) samples[key].push(memory[key]);
  }
  const seedLabel = `${(seed.bytes / 1e6).toFixed(0)} MB seed (${seed.tickets} tickets)`;
  return {
    id: 'mock-memory',
    title: 'mock memory',
    seed,
    comparisons: [
      comparison(
        `stateful, ${seedLabel}: start to first answer`,
        summarize(samples.seedStart, 'ms'),
        "stateful, the spec's examples",
        summarize(samples.plainStart, 'ms'),
      ),
      comparison(
        `stateful, ${seedLabel}: RSS once started`,
        summarize(samples.seedRss, 'B'),
        "stateful, the spec's examples",
        summarize(samples.plainRss, 'B'),
      ),
      comparison(
        `stateful: RSS after ${UPLOADS} x 4 MiB uploads, GET /__osm/state and POST /__osm/reset`,
        summarize(samples.first, 'B'),
        'the same process at its start',
        summarize(samples.start, 'B'),
      ),
      comparison(
        `stateful: RSS after ${CYCLES} such rounds`,
        summarize(samples.last, 'B'),
        'after one round',
        summarize(samples.first, 'B'),
      ),
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rounds = 1] = process.argv.slice(2).map(Number);
  const result = await benchMockMemory({ rounds });
  const show = (s) => (s.unit === 'B' ? `${(s.median / 2 ** 20).toFixed(0)} MiB` : `${s.median.toFixed(0)} ms`);
  for (const c of result.comparisons)
    console.log(`${c.label}: ${show(c.subject)} vs ${c.baselineLabel}: ${show(c.baseline)} -> ${c.ratio.toFixed(2)}x`);
}
