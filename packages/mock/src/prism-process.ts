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
  /** Why Prism is gone, if it ended without stop() (with its last output); undefined while it runs. */
  failure(): string | undefined;
  /** Stops Prism; resolves once the process has exited. */
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 60_000;
const START_ATTEMPTS = 5;

// Prism gets a port from below the range the OS hands out for port 0 (32768+ on Linux, 49152+ on
// macOS and Windows). A port from that range, checked free and then given to Prism, could be handed
// to another listen(0) in between - another mock's included - and this mock would then talk to it.
const PRIVATE_PORTS = { first: 20_000, last: 32_767 };

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function pickPort(): Promise<number> {
  for (;;) {
    const port = PRIVATE_PORTS.first + Math.floor(Math.random() * (PRIVATE_PORTS.last - PRIVATE_PORTS.first + 1));
    if (await isFree(port)) return port;
  }
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

/** Raised when Prism could not bind its port (something took it after pickPort checked it). */
class PrismPortTaken extends Error {
  constructor(port: number) {
    super(`Prism could not listen on 127.0.0.1:${port}: the port was taken.`);
  }
}

/** Starts Prism on `port` and resolves once it accepts connections; rejects with its output if it dies. */
async function launchPrism(options: PrismOptions, port: number): Promise<PrismProcess> {
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
  let stopping = false;
  const stop = async () => {
    stopping = true;
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited(child);
  };
  const ended = () => child.exitCode !== null || child.signalCode !== null;

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await canConnect(port))) {
    if (ended()) {
      process.off('exit', killOnExit);
      if (output.includes('EADDRINUSE')) throw new PrismPortTaken(port);
      throw new Error(`Prism exited (${child.exitCode ?? child.signalCode}) while starting:\n${output.trim()}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Prism did not start within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output.trim()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port,
    failure: () => (!stopping && ended() ? `Prism ended (${child.exitCode ?? child.signalCode}): ${output.trim() || 'no output'}` : undefined),
    stop,
  };
}

/** Starts Prism on a private loopback port and resolves once it accepts connections. */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchPrism(options, await pickPort());
    } catch (error) {
      if (!(error instanceof PrismPortTaken) || attempt === START_ATTEMPTS) throw error;
    }
  }
}
