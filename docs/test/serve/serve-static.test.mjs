// The static server `npm start` serves the docs with.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/serve.mjs';

/** GET with the path sent exactly as written (fetch would normalize `..` away). */
function get(port, path) {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('serveStatic', () => {
  let base;
  let server;
  let port;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'osm-serve-'));
    mkdirSync(join(base, 'dist'));
    mkdirSync(join(base, 'dist-private'));
    writeFileSync(join(base, 'dist', 'index.html'), '<h1>docs</h1>');
    writeFileSync(join(base, 'dist', 'openapi.yaml'), 'openapi: 3.0.3\n');
    writeFileSync(join(base, 'dist', 'try-it.js'), 'export {};\n');
    writeFileSync(join(base, 'dist-private', 'secret.txt'), 'secret');
    writeFileSync(join(base, 'outside.txt'), 'outside');
    server = await serveStatic(join(base, 'dist'), { port: 0 });
    port = server.address().port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(base, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and serves index.html for /', async () => {
    expect(server.address().address).toBe('127.0.0.1');
    expect(await get(port, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<h1>docs</h1>' });
  });

  it('serves the spec downloads with their media types', async () => {
    expect(await get(port, '/openapi.yaml')).toMatchObject({ status: 200, type: 'application/yaml' });
  });

  it('serves scripts as JavaScript (module scripts and service workers need that type)', async () => {
    expect(await get(port, '/try-it.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
  });

  it('serves under a sub-path, as GitHub Pages serves a project site, and nothing outside it', async () => {
    const sub = await serveStatic(join(base, 'dist'), { port: 0, base: '/osm-openapi/' });
    try {
      const subPort = sub.address().port;
      expect(await get(subPort, '/osm-openapi/')).toMatchObject({ status: 200, body: '<h1>docs</h1>' });
      expect(await get(subPort, '/osm-openapi/openapi.yaml')).toMatchObject({ status: 200, type: 'application/yaml' });
      for (const path of ['/', '/openapi.yaml', '/osm-openapi', '/osm-openapi/../openapi.yaml', '/osm-openapi-other/openapi.yaml']) {
        expect((await get(subPort, path)).status, path).toBe(404);
      }
    } finally {
      await new Promise((resolve) => sub.close(resolve));
    }
  });

  it('answers 404 for missing files, and for paths that leave the directory', async () => {
    for (const path of ['/missing.html', '/../outside.txt', '/%2e%2e/outside.txt', '/..%2fdist-private/secret.txt', '/%E0%A4%A']) {
      expect((await get(port, path)).status, path).toBe(404);
    }
  });
});
