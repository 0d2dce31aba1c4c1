// Runs Prism's own CLI as a child process on a private loopback port. A child process (rather than
// Prism's internal modules) keeps us on Prism's public, versioned interface, and lets close() end it whole.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { connect, createServer } from 'node:net';

export interface PrismOptions {
  /** Path of the bundled spec Prism serves. */
  spec: string;
  /** Generate responses from the schemas instead of serving the named examples. */
  dynamic: boolean;
  /** Seed for dynamic generation, so runs repeat. */
  seed: string;
}

export interface PrismProcess {
  /** The loopback port Prism listens on. */
  port: number;
  /** Stops Prism; resolves once the process has exited. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts Prism and resolves once it accepts connections; rejects with Prism's own output if it dies. */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const port = await freePort();
  const cli = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');
  const args = [cli, 'mock', options.spec, '--host', '127.0.0.1', '--port', String(port), '--verboseLevel', 'error'];
  if (options.dynamic) {
    args.push('--dynamic', '--seed', options.seed, '--json-schema-faker-fillProperties=false');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  // If this process exits without close() (a test runner ending its worker), take Prism along.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null) {
      process.off('exit', killOnExit);
      throw new Error(`Prism exited with code ${child.exitCode} while starting:\n${output.trim()}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, stop };
}
