// Suite 9's browser: bundles page.ts with esbuild as a page's bundler would (the `browser` export
// condition picks the mock's browser build), serves it and MSW's worker script on 127.0.0.1 (a secure
// context, where service workers run), and opens it in Debian's Chromium.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../../chromium.shared.mjs';
import { timeouts } from '../../../../vitest.shared.mjs';

/** The opened page, what it logged to its console, and how to close it all. */
export interface WorkerPage {
  page: Page;
  /** Uncaught exceptions and console errors of the page (MSW's included), but not Chromium's note of each 4xx/5xx. */
  errors: string[];
  close(): Promise<void>;
}

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('page.ts', import.meta.url).pathname],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/** Opens the page with the worker script of the msw version the page was bundled with. */
export async function openWorkerPage(): Promise<WorkerPage> {
  const launch = chromiumLaunchOptions();
  const script = await bundlePage();
  const workerScript = readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'));
  const files: Record<string, [string, string | Buffer]> = {
    '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>osm msw</title><script type="module" src="/page.js"></script>'],
    '/page.js': ['text/javascript', script],
    '/mockServiceWorker.js': ['text/javascript', workerScript],
  };
  const server: Server = createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://page').pathname];
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file[0], 'cache-control': 'no-store' }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const closeServer = () => new Promise<void>((resolve) => server.close(() => resolve()));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch(launch);
    const page = await browser.newPage();
    page.setDefaultTimeout(timeouts.testTimeout / 2);
    const errors: string[] = [];
    page.on(
      'console',
      (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && errors.push(message.text()),
    );
    page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => 'osmPage' in window);
    const opened = browser;
    return {
      page,
      errors,
      async close() {
        await opened.close();
        await closeServer();
      },
    };
  } catch (error) {
    await browser?.close();
    await closeServer();
    throw error;
  }
}
