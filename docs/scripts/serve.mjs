// Serves docs/dist over HTTP (default 127.0.0.1:8080) until stopped. Static files only. `--base /osm-openapi/`
// serves it under a sub-path, as GitHub Pages serves a project site.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The file under `root` a URL path names (a directory means its index.html), or undefined if outside it. */
function fileFor(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed percent-encoding
  }
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  return file.startsWith(root + sep) ? file : undefined;
}

/**
 * Starts a static server for `dir` under the URL path `base`; resolves with the server once it listens
 * (`port: 0` picks a free one).
 */
export function serveStatic(dir, { host = '127.0.0.1', port = 8080, base = '/' } = {}) {
  const root = resolvePath(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = pathname.startsWith(prefix) ? fileFor(root, pathname.slice(prefix.length - 1)) : undefined;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      base: { type: 'string', default: '/' },
    },
  });
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  if (!existsSync(join(dir, 'index.html'))) {
    console.error('docs: docs/dist/index.html is missing - build the docs first (pnpm turbo run docs).');
    process.exit(1);
  }
  try {
    const server = await serveStatic(dir, { host: values.host, port: Number(values.port), base: values.base });
    const url = new URL(values.base, `http://${values.host}:${server.address().port}`);
    console.log(`Docs at ${url} (spec: openapi.json, openapi.yaml; errors: error-codes.json)`);
  } catch (error) {
    console.error(
      error.code === 'EADDRINUSE' ? `docs: port ${values.port} on ${values.host} is already in use.` : `docs: ${error.message}`,
    );
    process.exit(1);
  }
}
