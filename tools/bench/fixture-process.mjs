// The fixture server (fixture-server.mjs) in a process of its own, so that what a client costs is not
// mixed with what serving it costs: the measured process only sends. Run as a script, it reads the body
// (JSON) from stdin, starts the server and prints its URL.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFixtureServer } from './fixture-server.mjs';

const here = fileURLToPath(import.meta.url);

/**
 * Starts the server in a child process.
 * @param {unknown} body the JSON body of every response
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export function startFixtureProcess(body) {
  const child = spawn(process.execPath, [here], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the fixture server exited (${code}) before it listened`)));
    child.stdout.once('data', (chunk) => {
      child.removeAllListeners('exit');
      resolve({
        url: chunk.toString().trim(),
        close: () =>
          new Promise((done) => {
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}

if (process.argv[1] === here) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const server = await startFixtureServer(JSON.parse(Buffer.concat(chunks).toString()));
  process.stdout.write(`${server.url}\n`);
  process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
}
