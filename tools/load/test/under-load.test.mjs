// The load script on a scratch repository: fresh clones, busy processes beside the command, one report line
// per run, and nothing left running afterwards (a surviving busy process would keep the script from exiting).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closingLine, options } from '../under-load.mjs';

const script = join(import.meta.dirname, '..', 'under-load.mjs');
let repo;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'osm-load-repo-'));
  // The "suite" fails unless it runs in a clone (not the scratch repo itself) and sees CI=true, as CI sets it.
  writeFileSync(
    join(repo, 'suite.mjs'),
    [
      "if (process.env.CI !== 'true') process.exit(3);",
      "console.log('noise');",
      "console.log(process.argv[2] === 'fail' ? '1 passed, 1 failed' : '2 passed, 0 failed');",
      "process.exit(process.argv[2] === 'fail' ? 1 : 0);",
    ].join('\n'),
  );
  const git = (...args) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('init', '--quiet');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '--quiet', '-m', 'suite');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

function underLoad(...args) {
  return spawnSync(process.execPath, [script, '--repo', repo, ...args], { encoding: 'utf8', env: { ...process.env, CI: '' } });
}

describe('tools/load/under-load.mjs', () => {
  it('runs the command from fresh clones beside busy processes, and reports each run', () => {
    const result = underLoad('--busy', '2', '--runs', '2', '--command', 'node suite.mjs');
    expect(result.stdout).toContain('2 CPU-bound process(es) beside it');
    expect(result.stdout).toMatch(/run 1: exit 0, \d+ s, 2 passed, 0 failed/);
    expect(result.stdout).toMatch(/run 2: exit 0, \d+ s, 2 passed, 0 failed/);
    expect(result.stdout).toContain('2/2 runs green under 2 busy process(es)');
    expect(result.status).toBe(0);
  });

  it('stops at the first failing run, exits 1 and names the log', () => {
    const result = underLoad('--busy', '1', '--runs', '3', '--command', 'node suite.mjs fail');
    expect(result.stdout).toMatch(/run 1: exit 1, \d+ s, 1 passed, 1 failed \(log: .+under-load\.log\)/);
    expect(result.stdout).not.toContain('run 2:');
    expect(result.stdout).toContain('0/3 runs green');
    expect(result.status).toBe(1);
  });

  it('refuses bad options with a usage message', () => {
    expect(() => options(['--busy', 'many'])).toThrow('--busy takes a whole number of at least 0, not "many"');
    expect(() => options(['--node', 'latest'])).toThrow('--node takes a major version such as 24');
    expect(() => options(['--bogus'])).toThrow();
    expect(options([])).toMatchObject({ busy: 4, runs: 1, command: 'npm test', keep: false });
  });

  it('finds the closing line among the output, the last one winning', () => {
    expect(closingLine('a\n3 passed, 0 failed\nb\n5 passed, 1 failed, 2 skipped\nc')).toBe('5 passed, 1 failed, 2 skipped');
    expect(closingLine('no summary here')).toBeUndefined();
  });
});
