// The published packages as a user gets them: `pnpm pack` each public package, install the tarballs with
// npm into scratch projects outside the workspace (no workspace links), and use them there - on every Node
// major the packages' `engines` admit, each fetched from the npm registry like the toolchain's own Node.
// Packing, the two installs and the runs on each Node are mostly waiting (npm, process start-up), so they
// run side by side: the packages are packed at once, the two projects installed at once, and each
// describe's tests run concurrently (each test its own processes; vitest runs five at a time).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { timeouts } from '../../../vitest.shared.mjs';
import { nodeBinFolder } from '../../main/node-toolchain.mjs';
import { cleanEnv, installTarballs, packPublicPackages } from '../pack-install.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const fixtures = join(here, 'pack');
const catalogs = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'));
/** TypeScript 7 (the workspace's) and 5 (catalog ts5): users type-check with either. */
const typescript7 = createRequire(import.meta.url)('typescript/package.json').version;
const typescript5 = catalogs.catalogs.ts5.typescript;
/** msw, the mock's optional peer dependency: 3 at the workspace's version, and 2, which its range still admits. */
const msw3Version = createRequire(join(root, 'packages', 'mock', 'package.json'))('msw/package.json').version;
const msw2Version = '2.15.0';
/**
 * The Node majors the packages claim (engines: the client >= 20.19, the mock and the spec >= 20): each runs
 * the installed packages. 24 is the toolchain's own; the others are fetched once into the user cache.
 */
const NODE_MAJORS = [20, 22, 24, 26];

let scratch;
let packed;
/** The second project: msw 2 and TypeScript 5. */
let scratch2;
/** Node major -> the `node` binary that runs the installed packages. */
const nodes = new Map();
/** Stops every mock this file started, even one whose test timed out before its own `finally`. */
const stopMocks = new Set();

/** Runs `command` to its end without blocking the event loop; resolves with its exit status and output. */
function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const result = { status: null, signal: null, stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (chunk) => (result.stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (result.stderr += chunk));
    child.once('error', (error) => (result.stderr += `${error.message}\n`));
    child.once('close', (status, signal) => resolve(Object.assign(result, { status, signal })));
  });
}

/** Runs a fixture script with Node `major` in `cwd` (a scratch project) and parses the JSON it prints. */
async function runInScratch(major, script, { cwd = scratch, args = [], knownWarning } = {}) {
  const node = nodes.get(major);
  const result = await run(node, [script, ...args], { cwd, env: cleanEnv(), timeout: timeouts.testTimeout });
  if (result.status !== 0)
    throw new Error(`${script} on Node ${major} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  // Anything on stderr is a warning a user would see (a deprecation, an experimental feature), unless it is
  // a known one that another package causes.
  const stderr = knownWarning ? result.stderr.replace(knownWarning, '') : result.stderr;
  expect(stderr, `${script} on Node ${major} printed to stderr`).toBe('');
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** Starts the installed `osm-mock` bin with Node `major` on a free port; resolves with its URL once it says it is serving. */
function startMockBin(major) {
  const bin = join(scratch, 'node_modules', '@osm-openapi', 'mock', 'bin', 'osm-mock.js');
  const child = spawn(nodes.get(major), [bin, '--port', '0'], { cwd: scratch, env: cleanEnv() });
  let output = '';
  const url = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const match = /serving \d+ operations at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`osm-mock exited (${code}) before serving:\n${output}`)));
  });
  const stop = () =>
    new Promise((resolve) => {
      stopMocks.delete(stop);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  stopMocks.add(stop);
  return { url, stop };
}

beforeAll(async () => {
  for (const major of NODE_MAJORS) {
    const current = Number(process.versions.node.split('.')[0]) === major;
    nodes.set(major, current ? process.execPath : join(nodeBinFolder(String(major)), 'node'));
  }
  scratch = mkdtempSync(join(tmpdir(), 'osm-openapi-pack-'));
  packed = await packPublicPackages(root, join(scratch, 'tarballs'));
  scratch2 = join(scratch, 'msw2-typescript5');
  mkdirSync(scratch2);
  await Promise.all([
    installTarballs(scratch, packed, { typescript: typescript7, msw: msw3Version }),
    installTarballs(scratch2, packed, { typescript: typescript5, msw: msw2Version }),
  ]);
  for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(scratch, file));
  for (const file of ['msw-handlers.mjs', 'consumer.ts', 'mock-consumer.ts', 'tsconfig.json'])
    copyFileSync(join(fixtures, file), join(scratch2, file));
});

afterAll(async () => {
  await Promise.all([...stopMocks].map((stop) => stop()));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.concurrent('the packed public packages', () => {
  it('are the three public packages, each with its README and built files, and no sources or tests', () => {
    expect(packed.map((p) => p.name)).toEqual(['@osm-openapi/client', '@osm-openapi/mock', '@osm-openapi/spec']);
    for (const { name, files } of packed) {
      expect(files, name).toContain('README.md');
      expect(files, name).toContain('dist/index.js');
      expect(files, name).toContain('dist/index.d.ts');
      expect(
        files.filter((f) => f.startsWith('src/') || f.startsWith('test/')),
        name,
      ).toEqual([]);
    }
  });

  it('install from their tarballs alone, with workspace: dependencies rewritten to versions', () => {
    const mock = createRequire(join(scratch, 'package.json'))('@osm-openapi/mock/package.json');
    const spec = packed.find((p) => p.name === '@osm-openapi/spec');
    expect(mock.dependencies['@osm-openapi/spec']).toBe(`^${spec.version}`);
    expect(existsSync(join(scratch, 'node_modules', '@osm-openapi', 'mock', 'node_modules', '@osm-openapi', 'spec'))).toBe(false);
  });

  it.each([
    ['TypeScript 7', () => scratch, () => typescript7],
    ['TypeScript 5', () => scratch2, () => typescript5],
  ])(
    'type-check a consumer of the installed client and mock with %s, catching wrong paths, parameters and override answers',
    async (_, cwd, version) => {
      const tsc = join(cwd(), 'node_modules', 'typescript', 'bin', 'tsc');
      expect(createRequire(join(cwd(), 'package.json'))('typescript/package.json').version).toBe(version());
      const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: cwd() });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    },
  );

  it("bundle for a browser page through the mock's browser build, which needs nothing of Node", async () => {
    const result = await build({
      absWorkingDir: scratch,
      entryPoints: ['msw-browser-page.mjs'],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      metafile: true,
      logLevel: 'silent',
    });
    const mockFiles = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('node_modules/@osm-openapi/mock/'));
    expect(mockFiles).toContain('node_modules/@osm-openapi/mock/dist/browser/msw.js');
    expect(mockFiles.filter((file) => !file.startsWith('node_modules/@osm-openapi/mock/dist/browser/'))).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('claim no Node older than the oldest major run here', () => {
    for (const { name, manifest } of packed.map((p) => ({
      ...p,
      manifest: createRequire(join(scratch, 'package.json'))(`${p.name}/package.json`),
    }))) {
      const floor = /^>=(\d+)(\.\d+)*$/.exec(manifest.engines?.node ?? '');
      expect(floor, `${name}: engines.node is a plain >= range`).not.toBeNull();
      expect(NODE_MAJORS, `${name}: ${manifest.engines.node}`).toContain(Number(floor[1]));
    }
  });
});

describe.concurrent.each(NODE_MAJORS)('the installed packages on Node %i', (major) => {
  it('serve the mock from its bin, and three operations go through the installed client', async () => {
    const mock = startMockBin(major);
    try {
      const results = await runInScratch(major, 'call-operations.mjs', { args: [await mock.url] });
      expect(results.listCases.status).toBe(200);
      expect(results.listCases.error).toBeUndefined();
      expect(results.listCases.data.incident_info_list.length).toBeGreaterThan(0);
      expect(results.showCaseStatus).toEqual({ status: 200, data: { status: 0 } });
      expect(results.signAgreement.status).toBe(200);
      expect(typeof results.signAgreement.data.agreement_signed_record_id).toBe('number');
    } finally {
      await mock.stop();
    }
  });

  it('start the mock with startMock(), answering as OSM and stopping on close()', async () => {
    const result = await runInScratch(major, 'start-mock.mjs');
    expect(result.operations).toBe(95);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 0 });
    expect(result.unauthorized).toBe(401);
    expect(result.unauthorizedBody.error_code).toBe('OSM.0002');
  });

  const answered = {
    status: 200,
    body: { status: 0 },
    unauthorized: 401,
    unauthorizedBody: expect.objectContaining({ error_code: 'OSM.0002' }),
    overridden: { status: 4 },
    passedOn: 200,
  };
  it(`answer through the @osm-openapi/mock/msw handlers in msw ${msw2Version}, in process`, async () => {
    // msw 2 reads globalThis.localStorage, which Node 25+ defines and warns about when it is touched without
    // --localstorage-file: msw 2's warning, which msw 3 no longer causes.
    const knownWarning =
      major >= 25 ? /^\(node:\d+\) ExperimentalWarning: localStorage is not available.*\n\(Use `node --trace-warnings .*\n$/ : undefined;
    expect(await runInScratch(major, 'msw-handlers.mjs', { cwd: scratch2, knownWarning })).toEqual({ ...answered, msw: msw2Version });
  });

  // msw 3 declares Node >= 22.12.
  it.runIf(major >= 22)(`answer through the same handlers in msw ${msw3Version}`, async () => {
    expect(await runInScratch(major, 'msw-handlers.mjs')).toEqual({ ...answered, msw: msw3Version });
  });

  it('give the bundled spec and the error catalogue from @osm-openapi/spec', async () => {
    const result = await runInScratch(major, 'read-spec.mjs');
    expect(result.node).toMatch(new RegExp(`^v${major}\\.`));
    expect(result).toMatchObject({
      openapi: '3.0.3',
      operations: 95,
      errorCodes: 64,
      sameAsJsonExport: true,
      yamlStartsWith: 'openapi:',
      pathsResolve: true,
    });
    expect(result.title).toMatch(/OSM/);
  });
});
