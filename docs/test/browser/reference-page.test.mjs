// The built reference page (docs/dist) in a real Chromium, served from 127.0.0.1 as `npm start` serves it:
// it renders with the tag groups, shows every operation of the spec, finds an operation by its SDK name,
// shows the TypeScript sample, and never asks any other host for anything, without console errors.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@osm-openapi/spec';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typescriptSample } from '../../scripts/code-samples.mjs';
import { serveStatic } from '../../scripts/serve.mjs';
import { operations } from '../../scripts/spec-walk.mjs';
import { GROUPS } from '../../scripts/tag-groups.mjs';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(docs, 'dist');
const screenshot = join(docs, 'test-artifacts', 'docs.png');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Debian's chromium, headless, with nothing of its own that talks to the network (see ../shared/design.md).
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SEARCHED = 'showCaseDetail';

const spec = loadSpec();
const specOperations = operations(spec);
const searched = specOperations.find(([, , op]) => op.operationId === SEARCHED);

/** URLs the page may load: the server under test, and data:/blob: URLs the page makes itself. */
function isLocal(url, origin) {
  return url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin;
}

describe('the reference page in Chromium', () => {
  let server;
  let origin;
  let userDataDir;
  let context;
  let page;
  const requests = [];
  const consoleErrors = [];

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error('docs/dist/index.html is missing: build the docs first (pnpm exec turbo run docs).');
    }
    if (!existsSync(executablePath)) {
      throw new Error(`No Chromium at ${executablePath}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
    }
    server = await serveStatic(dist, { host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${server.address().port}`;
    userDataDir = mkdtempSync(join(tmpdir(), 'osm-docs-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport: { width: 1440, height: 1100 },
    });
    context.on('request', (request) => requests.push(request.url()));
    // Recorded above, then refused here: the test sees a leak without the request reaching the network.
    await context.route((url) => !isLocal(url.href, origin), (route) => route.abort('blockedbyclient'));
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(60_000); // a step fails with its own message, still well before the test's timeout
    page.on('websocket', (socket) => requests.push(socket.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    await page.goto(`${origin}/`);
  });

  afterAll(async () => {
    await context?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('renders the title, the intro and the sidebar with the three tag groups, with no broken image', async () => {
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const group of Object.values(GROUPS)) {
      await sidebar.locator(`[data-text="${group}"]`).waitFor({ state: 'visible' });
    }
    expect(await page.title()).toBe('OSM Service Ticket API reference');
    await page.getByRole('heading', { level: 1, name: spec.info.title }).waitFor({ state: 'visible' });
    const intro = spec.info.description.split('\n')[0].split(':')[0];
    await page.getByText(intro).first().waitFor({ state: 'visible' });
    await page.locator('img').first().waitFor({ state: 'attached' }); // Redoc adds its footer logo after hydration
    const brokenImages = await page.$$eval('img', (images) =>
      images.filter((img) => !img.complete || img.naturalWidth === 0).map((img) => img.src.slice(0, 80)),
    );
    expect(brokenImages).toEqual([]);
    mkdirSync(dirname(screenshot), { recursive: true });
    await page.screenshot({ path: screenshot });
  });

  it('offers the bundled spec for download next to the page', async () => {
    const response = await fetch(`${origin}/openapi.json`);
    expect(response.status).toBe(200);
    expect(operations(await response.json())).toHaveLength(specOperations.length);
    for (const file of ['openapi.json', 'openapi.yaml']) {
      await page.locator(`a[href="${file}"]`).first().waitFor({ state: 'attached' });
    }
  });

  it(`shows as many operations as the spec has (${specOperations.length}), each under its tag`, async () => {
    const apiTags = spec.tags.map((t) => t.name);
    const expected = Object.fromEntries(apiTags.map((tag) => [tag, specOperations.filter(([, , op]) => op.tags[0] === tag).length]));
    const shown = {};
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const tag of apiTags) {
      // A tag's menu item lists its operations (each with its HTTP method badge) once it is opened.
      const item = sidebar
        .locator('[data-component-name="Menu/MenuItem"]')
        .filter({ has: page.locator(`:scope > a [data-text="${tag}"]`) });
      await item.locator(':scope > a').click();
      const methodBadges = item.locator('[data-component-name="Tags/HttpTag"]');
      await methodBadges.first().waitFor({ state: 'visible' });
      shown[tag] = await methodBadges.count();
    }
    expect(shown).toEqual(expected);
    expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(specOperations.length);
  });

  it(`finds ${SEARCHED} by searching for its SDK name and shows its TypeScript sample`, async () => {
    const [path, method, operation, pathItem] = searched;
    await page.getByTestId('search-trigger').click();
    await page.getByTestId('search-dialog').locator('input').fill(SEARCHED);
    const result = page
      .locator('[data-component-name="Search/SearchItem"]')
      .filter({ hasText: path })
      .filter({ hasText: operation.summary });
    await result.first().click();
    await page.waitForURL(new RegExp(`#/.*/${SEARCHED.toLowerCase()}$`));
    const section = page.locator(`[data-section-id="${new URL(page.url()).hash.slice(1)}"]`);
    await section.getByRole('heading', { name: operation.summary }).first().waitFor({ state: 'visible' });

    // The sample as the build generated it: its call line must be on screen, under the TypeScript tab.
    const callLine = typescriptSample(spec, path, method, pathItem, operation)
      .split('\n')
      .find((line) => line.includes(`client.${method.toUpperCase()}(`));
    const samplePanel = section.getByTestId('right-panel').filter({ hasText: callLine });
    await samplePanel.locator('pre').first().waitFor({ state: 'visible' });
    await samplePanel.getByRole('button', { name: 'TypeScript' }).waitFor({ state: 'visible' });
  });

  it('loaded nothing from any host but 127.0.0.1, and logged no console error', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !isLocal(url, origin))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
