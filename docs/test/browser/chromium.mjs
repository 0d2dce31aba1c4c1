// The browser of the docs' browser tests: Debian's Chromium driven by playwright-core, on a page served
// from 127.0.0.1, recording every request (and refusing those to any other host) and every console error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../../chromium.shared.mjs';
import { timeouts } from '../../../vitest.shared.mjs';

export const WIDTHS = { desktop: 1440, phone: 390 };

/** URLs the page may load: the servers under test, and data:/blob: URLs the page makes itself. */
export function isLocal(url, origins) {
  return url.startsWith('data:') || url.startsWith('blob:') || origins.includes(new URL(url).origin);
}

/**
 * Defines, in every page the browser opens, `osmTestUntil(what, test)`: a promise that resolves once
 * `test()` is true, checked at every DOM change (and every 250 ms, for what changes without one), and
 * rejects naming `what` after `timeout` ms. Playwright's own waits check at every animation frame, so
 * they keep asking the page for frames, each a render in software, for as long as they wait.
 */
function defineUntil(timeout) {
  window.osmTestUntil = (what, test) =>
    new Promise((resolve, reject) => {
      const stop = () => {
        observer.disconnect();
        clearInterval(slowCheck);
        clearTimeout(timer);
      };
      const check = () => {
        if (!test()) return;
        stop();
        resolve();
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true });
      const slowCheck = setInterval(check, 250);
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`${what}: not within ${timeout} ms`));
      }, timeout);
      check();
    });
}

/** Goes to `hash` (`#/tickets/createcases`) on the open page and waits until the section it names is shown. */
export async function openSection(page, hash) {
  const route = hash.split('#')[1];
  await page.evaluate(
    ({ h, id }) => {
      window.location.hash = h;
      return window.osmTestUntil(`the section ${id} shown`, () => {
        const section = document.querySelector(`[data-section-id="${CSS.escape(id)}"]`);
        const box = section?.getBoundingClientRect();
        return box?.width > 0 && box.height > 0 && getComputedStyle(section).visibility !== 'hidden';
      });
    },
    { h: hash, id: route },
  );
  return page.locator(`[data-section-id="${route}"]`).first();
}

/**
 * Opens Chromium on a fresh profile for pages of `origins` (the first is the page's); requests to any
 * other origin are recorded and refused.
 * @returns {Promise<{ context: import('playwright-core').BrowserContext, page: import('playwright-core').Page,
 *   requests: string[], consoleErrors: string[], close(): Promise<void> }>}
 */
export async function openBrowser(origins) {
  const launch = chromiumLaunchOptions();
  const userDataDir = mkdtempSync(join(tmpdir(), 'osm-docs-chromium-'));
  const requests = [];
  const consoleErrors = [];
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...launch,
    viewport: { width: WIDTHS.desktop, height: 1100 },
  });
  await context.addInitScript(defineUntil, timeouts.testTimeout / 2);
  context.on('request', (request) => requests.push(request.url()));
  // Recorded above, then refused here: the test sees a leak without the request reaching the network.
  await context.route(
    (url) => !isLocal(url.href, origins),
    (route) => route.abort('blockedbyclient'),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  // Half a test's time: a slow step fails with its own message, still well before the test's timeout.
  page.setDefaultTimeout(timeouts.testTimeout / 2);
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return {
    context,
    page,
    requests,
    consoleErrors,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
