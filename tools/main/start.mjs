// `npm start`: builds everything, then serves the mock on 127.0.0.1:4010 and the docs on 127.0.0.1:8080
// until Ctrl-C.
import { ensurePnpm, installDependencies, main, run, startChild, step } from './bootstrap.mjs';

await main(async () => {
  const pnpm = ensurePnpm();
  installDependencies(pnpm);
  step('Building the spec, client, mock and docs (turbo run build docs)');
  run(pnpm[0], [...pnpm.slice(1), 'exec', 'turbo', 'run', 'build', 'docs', '--output-logs=new-only']);

  step('Starting the mock and the docs server');
  const children = [
    // The mock's index (GET /) points to the docs served next to it.
    startChild(process.execPath, [
      'packages/mock/bin/osm-mock.js',
      '--host',
      '127.0.0.1',
      '--port',
      '4010',
      '--docs',
      'http://127.0.0.1:8080/',
    ]),
    startChild(process.execPath, ['docs/scripts/serve.mjs', '--host', '127.0.0.1', '--port', '8080']),
  ];
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve, reject) =>
          child.on('exit', (code, signal) => {
            stop();
            if (code && !signal) reject(new Error(`a server exited with code ${code}`));
            else resolve();
          }),
        ),
    ),
  );
});
