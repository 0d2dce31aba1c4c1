// "Try it" in a real Chromium, on the built page served under a sub-path as GitHub Pages serves a project
// site (/osm-openapi/): every operation sent from its panel with its prefilled example gets the answer the
// HTTP mock gives to the same request; a bad body shows OSM.0001; a form that cannot make a request sends
// nothing and says why; a named example is chosen through Prefer; a ticket created in the sandbox is then
// listed; a URL the reader gives is called instead; the in-page mock is fetched only on the first call;
// the page at the root works too. Screenshots of the panel at 1440 and 390 px go to docs/test-artifacts/.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock } from '@osm-openapi/mock';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationHref } from '../../scripts/links.mjs';
import { applyNavigation, loadNavigation } from '../../scripts/navigation.mjs';
import { serveStatic } from '../../scripts/serve.mjs';
import { deref, operations } from '../../scripts/spec-walk.mjs';
import { TRY_IT_FILE } from '../../scripts/try-it-operations.mjs';
import { isLocal, openBrowser, openSection, WIDTHS } from './chromium.mjs';
import { overflowingElements } from './layout-checks.mjs';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(docs, 'dist');
const artifacts = join(docs, 'test-artifacts');
const SUB_PATH = '/osm-openapi/';
const BATCH = 8;

const spec = loadSpec();
applyNavigation(spec, loadNavigation(join(docs, 'navigation.yaml')));
const specOperations = operations(spec);
const byId = new Map(
  specOperations.map(([path, method, op]) => [op.operationId, { path, method, op, href: operationHref(op.tags[0], op.operationId) }]),
);
// A few operations a test, so that each stays well inside its time on a busy machine.
const batches = Array.from({ length: Math.ceil(specOperations.length / BATCH) }, (_, i) => {
  const ids = specOperations.slice(i * BATCH, i * BATCH + BATCH).map(([, , op]) => op.operationId);
  return [`${ids[0]} ... ${ids.at(-1)}`, ids];
});

/** What a panel shows of its last call; `message` when there was no answer. Read in one step: a round trip
 * to the browser a field costs seconds over a run on a busy machine. */
function shownAnswer(section) {
  return section.evaluate((root) => {
    const read = (selector, property = 'innerText') => root.querySelector(selector)?.[property];
    if (!root.querySelector('.osm-try-status')) return { message: read('.osm-try-panel .osm-try-message') };
    const file = read('.osm-try-file');
    return {
      request: read('.osm-try-request'),
      status: Number(root.querySelector('.osm-try-status').getAttribute('data-status')),
      error: read('.osm-try-error'),
      headers: read('.osm-try-headers-out', 'textContent'),
      body: file === undefined ? read('.osm-try-body-out') : undefined,
      file,
    };
  });
}

/** Clicks Send in the panel of `section` and waits for the call to end (the button is disabled meanwhile). */
async function send(section) {
  const button = section.locator('.osm-try-send');
  await button.click();
  await expect.poll(() => button.isEnabled()).toBe(true);
  return shownAnswer(section);
}

/** Opens the operation's section and its panel. */
async function openPanel(page, operationId) {
  const section = await openSection(page, byId.get(operationId).href);
  const panel = section.locator('.osm-try-panel');
  if (!(await panel.isVisible())) await section.locator('.osm-try-open').click();
  await panel.waitFor({ state: 'visible' });
  return section;
}

/**
 * Opens the operation's panel and sends its request as `openPanel` and `send` do, with the panel's buttons
 * clicked and the call's end awaited inside the page (`osmTestUntil`, see chromium.mjs): for the 95
 * operations of the batches, where Playwright's actionability checks and frame-by-frame polls at every step
 * cost this file a tenth to a fifth of its CPU (91 core-seconds with them, 74 to 84 without). A reader's
 * clicks are the other tests'.
 */
async function sendInPage(page, operationId) {
  const { href } = byId.get(operationId);
  const section = await openSection(page, href);
  await page.evaluate(async (id) => {
    // Looked up at every step: Redoc may render the section anew, leaving an element held here detached.
    const find = (selector) => document.querySelector(`[data-section-id="${CSS.escape(id)}"] ${selector}`);
    const shown = (element) => Boolean(element?.getClientRects().length);
    if (!shown(find('.osm-try-panel'))) {
      await window.osmTestUntil('the "Try it" button', () => find('.osm-try-open'));
      find('.osm-try-open').click();
      await window.osmTestUntil('the panel shown', () => shown(find('.osm-try-panel')));
    }
    const button = find('.osm-try-send');
    // The panel disables Send from the click until its call ends.
    button.click();
    await window.osmTestUntil('the end of the call', () => !button.disabled);
  }, href.split('#')[1]);
  return section;
}

/** The request the panel sent (its request line and its form), sent again to the HTTP mock at `mockUrl`. */
async function replayOverHttp(section, mockUrl, shown, prefix) {
  const [method, url] = shown.request.split(' ');
  const { pathname, search } = new URL(url);
  const form = await section.evaluate((root) => ({
    headers: root.querySelector('.osm-try-headers').value,
    body: root.querySelector('.osm-try-body')?.value,
    fields: [...root.querySelectorAll('input[data-field]')].map((field) => ({
      name: field.getAttribute('data-field'),
      file: field.type === 'file',
      value: field.value,
    })),
  }));
  const headers = form.headers
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => [line.slice(0, line.indexOf(':')).trim(), line.slice(line.indexOf(':') + 1).trim()]);
  let body = form.body;
  if (form.fields.length) {
    body = new FormData();
    for (const field of form.fields) {
      if (field.file) body.append(field.name, new File([TRY_IT_FILE.text], TRY_IT_FILE.name, { type: TRY_IT_FILE.type }));
      else body.append(field.name, field.value);
    }
  }
  return fetch(`${mockUrl}${pathname.slice(prefix.length - 1)}${search}`, { method, headers, body });
}

describe('Try it, on the page served under a sub-path', () => {
  let server;
  let rootServer;
  let mock;
  let origin;
  let rootOrigin;
  let browser;
  let page;

  beforeAll(async () => {
    if (!existsSync(join(dist, 'try-it', 'mock.js'))) {
      throw new Error('docs/dist/try-it/mock.js is missing: build the docs first (pnpm exec turbo run docs).');
    }
    mkdirSync(artifacts, { recursive: true });
    server = await serveStatic(dist, { port: 0, base: SUB_PATH });
    rootServer = await serveStatic(dist, { port: 0 });
    mock = await startMock({ port: 0 });
    origin = `http://127.0.0.1:${server.address().port}`;
    rootOrigin = `http://127.0.0.1:${rootServer.address().port}`;
    browser = await openBrowser([origin, rootOrigin, new URL(mock.url).origin]);
    page = browser.page;
    await page.goto(`${origin}${SUB_PATH}`);
  });

  afterAll(async () => {
    await browser?.close();
    await mock?.close();
    for (const s of [server, rootServer]) await new Promise((resolve) => (s ? s.close(resolve) : resolve()));
  });

  it("loads the panels' data on the first opening, and the in-page mock only when a call needs it", async () => {
    expect(browser.requests.filter((url) => url.includes('/try-it/'))).toEqual([]);
    const section = await openPanel(page, 'listCases');
    const loaded = () => browser.requests.filter((url) => /try-it\/mock\.js|mockServiceWorker\.js/.test(url));
    expect(loaded()).toEqual([]);
    expect(browser.requests).toContain(`${origin}${SUB_PATH}try-it/operations.json`);
    expect(await send(section)).toMatchObject({ status: 200 });
    expect(loaded()).toContain(`${origin}${SUB_PATH}try-it/mock.js`);
    // MSW's worker, registered from next to the page: its scope is the sub-path.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${origin}${SUB_PATH}mockServiceWorker.js`);
  });

  it.each(batches)('answers %s from their panels as the HTTP mock answers the same requests', async (_, ids) => {
    const different = {};
    for (const operationId of ids) {
      const section = await sendInPage(page, operationId);
      const shown = await shownAnswer(section);
      const expected = await replayOverHttp(section, mock.url, shown, `${SUB_PATH}mock/`);
      const type = expected.headers.get('content-type');
      const seen = { status: shown.status, error: shown.error, body: shown.body && JSON.parse(shown.body), file: shown.file };
      const wanted = {
        status: 200,
        error: undefined,
        body: type.includes('json') ? await expected.json() : undefined,
        file: type.includes('json') ? undefined : `A file: ${type}, ${(await expected.arrayBuffer()).byteLength} bytes. Save it`,
      };
      expect(expected.status, operationId).toBe(200);
      if (JSON.stringify(seen) !== JSON.stringify(wanted)) different[operationId] = { seen, wanted };
    }
    expect(different).toEqual({});
  });

  it('shows OSM.0001 and what is wrong when the body breaks the schema', async () => {
    const section = await openPanel(page, 'createCases');
    await section.locator('.osm-try-body').fill('{ "simple_description": 42 }');
    const shown = await send(section);
    expect(shown.status).toBe(400);
    expect(shown.error).toMatch(/^OSM\.0001: Invalid request: .*body field simple_description: must be string/);
    expect(shown.error).toContain('body field business_type_id: is required');
    await section.locator('.osm-try-reset').click();
  });

  it('sends nothing when the form cannot make a request, and says why', async () => {
    const section = await openPanel(page, 'showCaseDetail');
    const before = browser.requests.length;
    await section.locator('input[data-path="case_id"]').fill('');
    try {
      expect(await send(section)).toEqual({ message: 'The path parameter case_id is empty.' });
      expect(browser.requests.slice(before).filter((url) => url.includes('/mock/'))).toEqual([]);
    } finally {
      await section.locator('.osm-try-reset').click();
    }
  });

  it('answers with the named example the picker chose, through Prefer', async () => {
    const section = await openPanel(page, 'showCaseDetail');
    await section.locator('.osm-try-example').selectOption('businessError');
    expect(await section.locator('.osm-try-headers').inputValue()).toContain('Prefer: example=businessError');
    const shown = await send(section);
    const { op } = byId.get('showCaseDetail');
    const example = deref(spec, deref(spec, op.responses['200']).content['application/json'].examples.businessError).value;
    expect(shown.status).toBe(200);
    expect(JSON.parse(shown.body)).toEqual(example);
    expect(shown.error).toBe(`${example.error_code}: ${example.error_msg}`);
    await section.locator('.osm-try-reset').click();
  });

  it('lists, in the in-page sandbox, the ticket created there', async () => {
    const create = await openPanel(page, 'createCases');
    await create.locator('.osm-try-target').selectOption('sandbox');
    const created = await send(create);
    expect(created).toMatchObject({ status: 200, request: expect.stringContaining(`${SUB_PATH}sandbox/v2/servicerequest/cases`) });
    const ticket = JSON.parse(created.body).incident_id;
    expect(ticket).toMatch(/^CS\d+$/);

    // The server choice is shared: the list panel calls the sandbox too.
    const list = await openPanel(page, 'listCases');
    expect(await list.locator('.osm-try-target').inputValue()).toBe('sandbox');
    const listed = await send(list);
    expect(listed.status).toBe(200);
    expect(JSON.parse(listed.body).incident_info_list.map((c) => c.incident_id)).toContain(ticket);

    // The examples mock keeps nothing.
    await list.locator('.osm-try-target').selectOption('mock');
    expect(JSON.parse((await send(list)).body).incident_info_list.map((c) => c.incident_id)).not.toContain(ticket);
  });

  it('calls a server at the URL the reader gives (here osm-mock on another port), across origins', async () => {
    const section = await openPanel(page, 'showCaseDetail');
    await section.locator('.osm-try-target').selectOption('url');
    await section.locator('.osm-try-url').fill(mock.url);
    try {
      const shown = await send(section);
      expect(shown.request).toMatch(new RegExp(`^GET ${mock.url}/v2/servicerequest/cases/`));
      const expected = await replayOverHttp(section, mock.url, shown, '/');
      expect(shown.status).toBe(expected.status);
      expect(JSON.parse(shown.body)).toEqual(await expected.json());
    } finally {
      await section.locator('.osm-try-target').selectOption('mock');
    }
  });

  for (const [name, width] of Object.entries(WIDTHS)) {
    it(`fits the panel and its answer into the operation's column at ${width} px`, async () => {
      await page.setViewportSize({ width, height: name === 'phone' ? 1600 : 1100 });
      try {
        const section = await openPanel(page, 'createCases');
        await send(section);
        // The button and the panel under it, with the answer.
        await section.locator('.osm-try-it').screenshot({ path: join(artifacts, `try-it-${width}.png`) });
        expect(await page.evaluate(overflowingElements, '[data-testid="middle-panel"]')).toEqual([]);
      } finally {
        await page.setViewportSize({ width: WIDTHS.desktop, height: 1100 });
      }
    });
  }

  it('works on the page served at the root of a host too', async () => {
    await page.goto(`${rootOrigin}/`);
    const section = await openPanel(page, 'listCases');
    const shown = await send(section);
    expect(shown).toMatchObject({
      status: 200,
      request: `GET ${rootOrigin}/mock/v2/servicerequest/cases${new URL(shown.request.split(' ')[1]).search}`,
    });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${rootOrigin}/mockServiceWorker.js`);
  });

  it('loaded nothing from any other host, and logged no console error but the error answers it asked for', () => {
    expect(browser.requests.filter((url) => !isLocal(url, [origin, rootOrigin, new URL(mock.url).origin]))).toEqual([]);
    // Chromium notes every 4xx/5xx answer on the console; those are the answers the tests asked for.
    expect(browser.consoleErrors.filter((text) => !text.startsWith('Failed to load resource'))).toEqual([]);
  });
});
