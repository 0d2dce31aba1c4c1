// "Your first ticket" end to end against the mock, in all three forms the page offers: the Arazzo workflow
// run by Redocly's `respect` (which also checks every answer against the spec), the TypeScript program
// (walkthrough/first-ticket.ts, transpiled and run with Node), and the curl commands exactly as the guide
// shows them (run with bash). A step that breaks in any of them fails here.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMock } from '@osm-openapi/mock';
import { loadSpec } from '@osm-openapi/spec';
import { transformSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARAZZO_FILE, loadWorkflow, TYPESCRIPT_FILE, walkthroughMarkdown } from '../../scripts/walkthrough.mjs';

const run = promisify(execFile);
const docs = fileURLToPath(new URL('../../', import.meta.url));
const walkthrough = join(docs, 'walkthrough');
const redocly = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
const workflow = loadWorkflow(walkthrough);
const TOKEN = 'walkthrough-token';

/** Runs a command to completion; resolves with its exit code and output even when it fails. */
async function outcome(file, args, options) {
  try {
    const { stdout, stderr } = await run(file, args, { maxBuffer: 10 * 1024 * 1024, ...options });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

/** `respect` on the walkthrough against `url` with `token`; its JSON report. */
async function respect(url, token, scratch) {
  const report = join(scratch, `respect-${token || 'none'}.json`);
  const result = await outcome(
    process.execPath,
    [redocly, 'respect', join(walkthrough, ARAZZO_FILE), '--server', `osm=${url}`, '--input', `token=${token}`, '--json-output', report],
    { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } },
  );
  return { ...result, report: JSON.parse(readFileSync(report, 'utf8')) };
}

/** Every step result of a respect JSON report, however deep its files/workflows nest them. */
function stepResults(report) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (typeof node.stepId === 'string' && 'checks' in node) found.push(node);
      Object.values(node).forEach(visit);
    }
  };
  visit(report);
  return found;
}

describe('Your first ticket, against the mock', () => {
  let mock;
  let scratch;
  const env = () => ({ ...process.env, OSM_ENDPOINT: mock.url, OSM_TOKEN: TOKEN });

  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful: true }); // as the guide says: step 7 finds the ticket step 6 filed
    scratch = mkdtempSync(join(tmpdir(), 'osm-walkthrough-'));
    symlinkSync(join(docs, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  });

  afterAll(async () => {
    await mock?.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it(`passes every step of the Arazzo workflow under redocly respect (${workflow.steps.length} steps)`, async () => {
    const { code, stdout, report } = await respect(mock.url, TOKEN, scratch);
    expect(code, stdout).toBe(0);
    const steps = stepResults(report);
    expect(steps.map((s) => s.stepId)).toEqual(workflow.steps.map((s) => s.stepId));
    for (const step of steps) {
      expect(step.checks.length, step.stepId).toBeGreaterThan(0);
      expect(
        step.checks.filter((check) => !check.passed).map((check) => check.name),
        step.stepId,
      ).toEqual([]);
    }
  });

  it('fails under respect when the mock refuses the request (no token)', async () => {
    const { code, report } = await respect(mock.url, '', scratch);
    expect(code).not.toBe(0);
    const [first] = stepResults(report);
    expect(first.checks.some((check) => !check.passed)).toBe(true);
  });

  it('runs the TypeScript program and files the ticket', async () => {
    const source = readFileSync(join(walkthrough, TYPESCRIPT_FILE), 'utf8');
    // Types stripped by esbuild (TypeScript 7, the docs' compiler, has no transpileModule); the type-check
    // of the same file is in test/build.
    const { code: outputText } = transformSync(source, { loader: 'ts', format: 'esm', target: 'es2022' });
    const program = join(scratch, 'first-ticket.mjs');
    writeFileSync(program, outputText);
    const { code, stdout, stderr } = await outcome(process.execPath, [program], { cwd: scratch, env: env() });
    expect(code, stderr).toBe(0);
    const ticket = /^filed ticket (\S+)$/m.exec(stdout)?.[1];
    expect(ticket, stdout).toBeDefined();
    expect(stdout).toContain(`listed ${ticket} 0 The data disk of my ECS is read-only since this morning.`);
  });

  it('runs the curl commands the guide shows, each ID passed on to the next step', async () => {
    const page = walkthroughMarkdown(walkthrough, loadSpec());
    const commands = [...page.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
    expect(commands).toHaveLength(workflow.steps.length);
    const script = ['set -euo pipefail', ...commands].join('\n');
    const { code, stdout, stderr } = await outcome('bash', ['-c', script], { env: env() });
    expect(code, stderr).toBe(0);
    const variables = Object.fromEntries([...stdout.matchAll(/^([A-Z_]+)=(.*)$/gm)].map(([, name, value]) => [name, value]));
    const outputs = workflow.steps.flatMap((s) => Object.keys(s.outputs ?? {}));
    expect(Object.keys(variables)).toHaveLength(outputs.length);
    for (const [name, value] of Object.entries(variables)) expect(value, name).toMatch(/^(?!null$)\S+$/);
    expect(stdout).not.toContain('error_code');
  });
});
