// Runs the `osm-mock` command as a user would: node, the package's bin, real arguments.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/osm-mock.js', import.meta.url));

/** A running `osm-mock` process and everything it has printed so far. */
export interface CliRun {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exit: Promise<number | NodeJS.Signals>;
}

/** Starts `osm-mock` with `args` (and `env`, this process's by default). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'pipe', env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, stdout: () => stdout, stderr: () => stderr, exit };
}

/** Waits until the process prints a line matching `pattern` on stdout; fails if it exits first. */
export async function waitForOutput(run: CliRun, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(run.stdout());
    if (match) return match;
    const ended = await Promise.race([run.exit.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 50))]);
    if (ended) throw new Error(`osm-mock exited before printing ${pattern}:\n${run.stdout()}${run.stderr()}`);
  }
}
