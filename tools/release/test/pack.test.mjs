// The published packages as a user gets them: `pnpm pack` each public package, install the tarballs with
// npm into a scratch project outside the workspace (no workspace links), and use them there.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, installTarballs, packPublicPackages } from '../pack-install.mjs';
import { timeouts } from '../../../vitest.shared.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const fixtures = join(here, 'pack');
const typescriptVersion = createRequire(import.meta.url)('typescript/package.json').version;
/** msw, the mock's optional peer dependency, at the version the workspace tests with. */
const mswVersion = createRequire(join(root, 'packages', 'mock', 'package.json'))('msw/package.json').version;
/** msw 3, the other major the mock's peer range allows; it needs Node 22.12 or later. */
const msw3Version = '3.0.5';
const [major, minor] = process.versions.node.split('.').map(Number);
const nodeRunsMsw3 = major > 22 || (major === 22 && minor >= 12);

let scratch;
let packed;
/** Stops every mock this file started, even one whose test timed out before its own `finally`. */
const stopMocks = new Set();

/** Runs a fixture script with node in the scratch project and parses the JSON it prints. */
function runInScratch(script, ...args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: scratch, env: cleanEnv(), encoding: 'utf8', timeout: timeouts.testTimeout });
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

/** Starts the installed `osm-mock` bin on a free port; resolves with its URL once it says it is serving. */
function startMockBin() {
  const child = spawn(join(scratch, 'node_modules', '.bin', 'osm-mock'), ['--port', '0'], { cwd: scratch, env: cleanEnv() });
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

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'osm-openapi-pack-'));
  packed = packPublicPackages(root, join(scratch, 'tarballs'));
  installTarballs(scratch, packed, { typescript: typescriptVersion, msw: mswVersion });
  for (const file of readdirSync(fixtures)) copyFileSync(join(fixtures, file), join(scratch, file));
});

afterAll(async () => {
  await Promise.all([...stopMocks].map((stop) => stop()));
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the packed public packages', () => {
  it('are the three public packages, each with its README and built files, and no sources or tests', () => {
    expect(packed.map((p) => p.name)).toEqual(['@osm-openapi/client', '@osm-openapi/mock', '@osm-openapi/spec']);
    for (const { name, files } of packed) {
      expect(files, name).toContain('README.md');
      expect(files, name).toContain('dist/index.js');
      expect(files, name).toContain('dist/index.d.ts');
      expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/')), name).toEqual([]);
    }
  });

  it('install from their tarballs alone, with workspace: dependencies rewritten to versions', () => {
    const mock = createRequire(join(scratch, 'package.json'))('@osm-openapi/mock/package.json');
    const spec = packed.find((p) => p.name === '@osm-openapi/spec');
    expect(mock.dependencies['@osm-openapi/spec']).toBe(`^${spec.version}`);
    expect(existsSync(join(scratch, 'node_modules', '@osm-openapi', 'mock', 'node_modules', '@osm-openapi', 'spec'))).toBe(false);
  });

  it('type-check a consumer of the installed client and mock, catching wrong paths, parameters and override answers', () => {
    const tsc = join(scratch, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: scratch, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('serve the mock from its bin, and three operations go through the installed client', async () => {
    const mock = startMockBin();
    try {
      const results = runInScratch('call-operations.mjs', await mock.url);
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

  it('start the mock with startMock(), answering as OSM and stopping on close()', () => {
    const result = runInScratch('start-mock.mjs');
    expect(result.operations).toBe(95);
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 0 });
    expect(result.unauthorized).toBe(401);
    expect(result.unauthorizedBody.error_code).toBe('OSM.0002');
  });

  it('answer through the @osm-openapi/mock/msw handlers in msw, in process', () => {
    const result = runInScratch('msw-handlers.mjs');
    expect(result).toEqual({ status: 200, body: { status: 0 }, unauthorized: 401, unauthorizedBody: expect.objectContaining({ error_code: 'OSM.0002' }), overridden: { status: 4 }, passedOn: 200 });
  });

  it.runIf(nodeRunsMsw3)(`answer through the same handlers in msw ${msw3Version} (Node 22.12+ only)`, () => {
    const project = join(scratch, 'msw3');
    mkdirSync(project);
    installTarballs(project, packed, { msw: msw3Version });
    copyFileSync(join(fixtures, 'msw-handlers.mjs'), join(project, 'msw-handlers.mjs'));
    const result = spawnSync(process.execPath, ['msw-handlers.mjs'], { cwd: project, env: cleanEnv(), encoding: 'utf8', timeout: timeouts.testTimeout });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1))).toEqual({ status: 200, body: { status: 0 }, unauthorized: 401, unauthorizedBody: expect.objectContaining({ error_code: 'OSM.0002' }), overridden: { status: 4 }, passedOn: 200 });
  });

  it("bundle for a browser page through the mock's browser build, which needs nothing of Node", async () => {
    const result = await build({ absWorkingDir: scratch, entryPoints: ['msw-browser-page.mjs'], bundle: true, write: false, format: 'esm', platform: 'browser', metafile: true, logLevel: 'silent' });
    const mockFiles = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('node_modules/@osm-openapi/mock/'));
    expect(mockFiles).toContain('node_modules/@osm-openapi/mock/dist/browser/msw.js');
    expect(mockFiles.filter((file) => !file.startsWith('node_modules/@osm-openapi/mock/dist/browser/'))).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('give the bundled spec and the error catalogue from @osm-openapi/spec', () => {
    const result = runInScratch('read-spec.mjs');
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
