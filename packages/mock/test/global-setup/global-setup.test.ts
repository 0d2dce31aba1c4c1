import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const FIXTURE = fileURLToPath(new URL('./fixture/', import.meta.url));
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** Runs vitest on the fixture project, as its own process, outside this test run's environment. */
function runFixtureSuite(): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const child = spawn(process.execPath, [VITEST, 'run', '--root', FIXTURE, '--reporter=default'], { env: { ...env, NO_COLOR: '1' } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

describe('the README globalSetup example', () => {
  test('starts the mock for a vitest suite, provides its URL, and closes it so vitest can exit', async () => {
    const { code, output } = await runFixtureSuite();
    expect(output).toMatch(/Tests\s+2 passed/);
    expect(code, output).toBe(0);
  });
});
