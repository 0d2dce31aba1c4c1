// A server of the mock benchmarks, run as a process of its own on 127.0.0.1 (so that its memory can be
// read and its load does not share the measuring process): started, timed to its first answer, stopped.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The `osm-mock` command of the built package. */
export const MOCK_BIN = fileURLToPath(new URL('../../packages/mock/bin/osm-mock.js', import.meta.url));

/** A port free right now on 127.0.0.1 (the servers take a port from their command line). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <args(port)>` and resolves once `probe` (a GET) answers 2xx, with the time that took.
 * @param {string} name what the server is, for errors
 * @param {(port: number) => string[]} args
 * @param {{ path: string, headers?: Record<string, string> }} probe
 */
export async function startServer(name, args, probe) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited while starting: ${errors}`);
    try {
      const response = await fetch(`${url}${probe.path}`, { headers: probe.headers });
      if (response.ok) {
        await response.arrayBuffer();
        break;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url,
    startMs: performance.now() - started,
    /** Resident memory of the process, in bytes (Linux /proc). */
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? Number.NaN) * 1024,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
