// Uploads through the mock (issue 24), stateless and stateful, each against a baseline of the same run:
// - a 9 MiB multipart upload (uploadAccessory) against a 9 MiB JSON body (uploadJsonAccessories, its file
//   in Base64): the time from sending to the answer, target <= 2x;
// - GETs (showCaseStatus, autocannon, 10 connections) while uploads follow one another (sent by a process
//   of their own, upload-loop.mjs), against the same GETs with nothing else going on: p99, target <= 50 ms.
// Run alone with `node tools/bench/mock-uploads.mjs [rounds] [seconds]`; `npm run bench` calls benchMockUploads().
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { load } from './mock.mjs';
import { MOCK_BIN, startServer } from './server-process.mjs';
import { comparison, summarize } from './stats.mjs';

const SIZE = 9 * 1024 * 1024;
const TOKEN = { 'X-Auth-Token': 'bench' };
const GET = {
  title: 'GET showCaseStatus',
  options: { method: 'GET', path: '/v2/servicerequest/cases/CS20240101000001/status', headers: TOKEN },
};
const MODES = { stateless: [], stateful: ['--stateful'] };
const UPLOAD_LOOP = fileURLToPath(new URL('./upload-loop.mjs', import.meta.url));
const FORM_FILE = fileURLToPath(new URL('../../bench/.tmp/upload-9mib.form', import.meta.url));

/**
 * The two bodies of the same size, as bytes ready to send (encoding a form on every send would hold up
 * this process, which also measures the GETs): a form with one file, and JSON with the file as Base64.
 */
async function bodies() {
  const form = new FormData();
  form.append('file', new Blob([Buffer.alloc(SIZE - 200, 0x61)]), 'big.txt');
  form.append('form_data', '{"accessFrom":"message"}');
  const encoded = new Request('http://bench.test/', { method: 'POST', body: form });
  const multipart = { body: Buffer.from(await encoded.arrayBuffer()), headers: { 'Content-Type': encoded.headers.get('content-type') } };
  const json = {
    body: Buffer.from(
      JSON.stringify({
        accessory_name: 'big.txt',
        accessory_data: Buffer.alloc(Math.floor(((SIZE - 100) * 3) / 4), 0x61).toString('base64'),
      }),
    ),
    headers: { 'Content-Type': 'application/json' },
  };
  return { multipart, json };
}

/** Sends one request and returns how long its answer took, in ms; fails on anything but 200. */
async function timed(url, path, init) {
  const started = performance.now();
  const response = await fetch(`${url}${path}`, { method: 'POST', ...init, headers: { ...TOKEN, ...init.headers } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
}

/**
 * @param {{ rounds: number, durationSeconds: number }} options
 */
export async function benchMockUploads({ rounds, durationSeconds }) {
  const { multipart, json } = await bodies();
  mkdirSync(fileURLToPath(new URL('.', `file://${FORM_FILE}`)), { recursive: true });
  writeFileSync(FORM_FILE, multipart.body);
  const upload = (url) => timed(url, '/v2/servicerequest/accessorys', multipart);
  const jsonBody = (url) => timed(url, '/v2/servicerequest/accessorys/json-format-content', json);
  const comparisons = [];
  for (const [mode, args] of Object.entries(MODES)) {
    const samples = { upload: [], json: [], idle: [], busy: [] };
    for (let round = 0; round < rounds; round++) {
      const server = await startServer('osm-mock', (port) => [MOCK_BIN, '--port', String(port), '--quiet', ...args], GET.options);
      try {
        await upload(server.url); // warm-up
        await jsonBody(server.url);
        // Turns: the order of the two alternates from round to round.
        for (const kind of round % 2 ? ['json', 'upload'] : ['upload', 'json'])
          samples[kind].push(await (kind === 'upload' ? upload : jsonBody)(server.url));
        samples.idle.push((await load(server.url, GET, durationSeconds)).p99);
        const uploads = spawn(
          process.execPath,
          [UPLOAD_LOOP, `${server.url}/v2/servicerequest/accessorys`, multipart.headers['Content-Type'], FORM_FILE],
          { stdio: 'inherit' },
        );
        try {
          samples.busy.push((await load(server.url, GET, durationSeconds)).p99);
        } finally {
          uploads.kill();
        }
      } finally {
        await server.stop();
      }
    }
    comparisons.push(
      comparison(
        `${mode}: 9 MiB multipart upload, time to answer`,
        summarize(samples.upload, 'ms'),
        '9 MiB JSON body (Base64 file)',
        summarize(samples.json, 'ms'),
      ),
      comparison(
        `${mode}: GET p99 (whole ms) during uploads`,
        summarize(samples.busy, 'ms'),
        'GET p99 with nothing else',
        summarize(samples.idle, 'ms'),
      ),
    );
  }
  return { id: 'mock-uploads', title: 'mock uploads', comparisons };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [rounds = 3, durationSeconds = 3] = process.argv.slice(2).map(Number);
  const { comparisons } = await benchMockUploads({ rounds, durationSeconds });
  for (const c of comparisons)
    console.log(
      `${c.label}: ${c.subject.median.toFixed(0)} ms [${c.subject.min.toFixed(0)}-${c.subject.max.toFixed(0)}] vs ${c.baselineLabel}: ${c.baseline.median.toFixed(0)} ms -> ${c.ratio.toFixed(2)}x`,
    );
}
