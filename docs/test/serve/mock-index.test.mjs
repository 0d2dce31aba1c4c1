// `npm start` serves the docs beside the mock (tools/main/start.mjs): the mock's index, `GET /`, must then
// point to those docs, not to the published ones.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const cli = join(createRequire(import.meta.url).resolve('@osm-openapi/mock/package.json'), '..', 'bin', 'osm-mock.js');
let child;

/** Starts `osm-mock` with `args` on a free port; resolves with its URL once its banner says it listens. */
function startCli(args) {
  child = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /serving .* at (http:\/\/\S+) /.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`osm-mock exited with ${code}: ${output}`)));
  });
}

afterEach(() => child?.kill());

describe('the mock started by npm start', () => {
  it('points its index to the docs it was started with (--docs)', async () => {
    const url = await startCli(['--docs', 'http://127.0.0.1:8080/']);
    expect(await (await fetch(`${url}/`)).json()).toMatchObject({ docs: 'http://127.0.0.1:8080/' });
  });

  it('points to the published docs without --docs', async () => {
    const url = await startCli([]);
    expect((await (await fetch(`${url}/`)).json()).docs).toBe('https://osm-openapi.github.io/osm-openapi/');
  });
});
