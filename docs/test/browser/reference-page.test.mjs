// The built reference page (docs/dist) in a real Chromium, served from 127.0.0.1 as `npm start` serves it,
// checked for what a reader sees: the sidebar by task with every operation under its task and its chapter
// named, search by SDK name and by error code (landing on the code's row), guides whose tables and code
// fit their column at 1440 and 390 px, a copy button on every code block that copies it and on every
// operation sample without covering its first line, every internal link of the page resolving, nothing
// loaded from any other host, no console error; and the layout defects of issue 28 gone: raw backticks in
// the Servers text, a guide heading cut in the sidebar, code cut with no scroll bar, a heading broken
// inside a word at 390 px, the floating menu button over a tab. Screenshots of the error-code guide and the walkthrough at
// both widths go to docs/test-artifacts/.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@osm-openapi/spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_LABELS, typescriptSample } from '../../scripts/code-samples.mjs';
import { ERROR_CODES_GUIDE, errorCodeHref, sectionHref, slug } from '../../scripts/links.mjs';
import { applyNavigation, GUIDES_GROUP, loadNavigation } from '../../scripts/navigation.mjs';
import { serveStatic } from '../../scripts/serve.mjs';
import { operations } from '../../scripts/spec-walk.mjs';
import { loadWorkflow } from '../../scripts/walkthrough.mjs';
import { isLocal, openBrowser, openSection, WIDTHS } from './chromium.mjs';
import { clippedCodeBlocks, headingsBrokenInsideAWord, overflowingElements, tabsUnderFloatingControls } from './layout-checks.mjs';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(docs, 'dist');
const artifacts = join(docs, 'test-artifacts');
const SEARCHED = 'showCaseDetail';
const SEARCHED_CODE = 'OSM.01010004';
const walkthroughSteps = loadWorkflow(join(docs, 'walkthrough')).steps;
const createStep = walkthroughSteps.findIndex((step) => step.stepId === 'createTicket');
const createStepHref = `${sectionHref('Your first ticket')}/${slug(`${createStep + 1}. ${walkthroughSteps[createStep]['x-title']}`)}`;
const GUIDES_SHOWN = { 'error-codes': sectionHref(ERROR_CODES_GUIDE), 'first-ticket': sectionHref('Your first ticket') };
// Where the layout defects of issue 28 were seen: a guide with long headings and code, and the operation
// with the longest sample.
const LAYOUT_PAGES = [sectionHref('Authentication'), sectionHref('Concepts and endpoints'), '#/tickets/createcases'];
const guideFiles = readdirSync(join(docs, 'guides')).filter((file) => file.endsWith('.md'));
/** A guide's title and its `##` headings as written (outside code blocks), Markdown marks removed. */
const guideHeadings = guideFiles.map((file) => {
  const text = readFileSync(join(docs, 'guides', file), 'utf8').replace(/```[\s\S]*?```/g, '');
  const plain = (heading) => heading.replace(/[`*]/g, '').trim();
  return { title: plain(/^#\s+(.+)/.exec(text)[1]), headings: [...text.matchAll(/^##\s+(.+)$/gm)].map((m) => plain(m[1])) };
});

// The page's sidebar as the build makes it: the spec with the navigation applied.
const navigation = loadNavigation(join(docs, 'navigation.yaml'));
const spec = loadSpec();
applyNavigation(spec, navigation);
const specOperations = operations(spec);
const searched = specOperations.find(([, , op]) => op.operationId === SEARCHED);
// Read before the page is served (beforeAll says so when the page is missing).
const pageLinks = existsSync(join(dist, 'index.html')) ? internalLinks(readFileSync(join(dist, 'index.html'), 'utf8')) : [];
const bySection = {};
for (const link of pageLinks) (bySection[`#/${link.split('/')[1].split('#')[0]}`] ??= []).push(link);
// At most six links a test, so that each stays short on a busy machine.
const linkBatches = Object.entries(bySection).flatMap(([section, links]) =>
  Array.from({ length: Math.ceil(links.length / 6) }, (_, i) => [
    `${section} (${i + 1}/${Math.ceil(links.length / 6)})`,
    links.slice(i * 6, i * 6 + 6),
  ]),
);

/** Every in-page link of the page's content (Markdown and HTML links in the embedded, decorated spec). */
function internalLinks(html) {
  const text = html.replace(/\\"/g, '"');
  const links = [...text.matchAll(/\]\((#\/[^)\s]*)\)/g), ...text.matchAll(/href="(#\/[^"]*)"/g)].map((m) => m[1]);
  return [...new Set(links)].sort();
}

/** Whether the code-sample panel's copy button lies over the first line of its code. */
function copyButtonCoversFirstLine(panel) {
  const visible = (element) => element.getBoundingClientRect().width > 0;
  const button = [...panel.querySelectorAll('[data-testid="copy-button"]')].find(visible)?.getBoundingClientRect();
  const pre = [...panel.querySelectorAll('pre')].find(visible);
  if (!button || !pre) throw new Error('no visible code sample with a copy button');
  // The first line as the boxes of its text (highlighted code is many spans): any of them under the button?
  const range = document.createRange();
  range.selectNodeContents(pre);
  const boxes = [...range.getClientRects()].filter((box) => box.width > 0 && box.height > 0);
  const firstTop = Math.min(...boxes.map((box) => box.top));
  return boxes
    .filter((box) => box.top < firstTop + 2)
    .some((box) => button.bottom > box.top && button.top < box.bottom && button.right > box.left && button.left < box.right);
}

/**
 * Waits until the page's search is ready. The trigger reads "Loading" until Redoc has built its search
 * index, which it starts when the browser is idle or when the pointer comes over the search box. A busy
 * machine can leave the page no idle time for over a minute (seen: "Loading..." for 60 s on a page just
 * opened), so the pointer is brought over the box, as a reader's is before a click.
 */
async function searchReady(page) {
  const trigger = page.getByTestId('search-trigger');
  await trigger.hover();
  await expect.poll(() => trigger.innerText()).not.toMatch(/Loading/);
  return trigger;
}

/** What the search dialog shows, for a failure's message. */
function searchState(page) {
  return page.evaluate(() => {
    const dialog = document.querySelector('[data-testid="search-dialog"]');
    return {
      url: location.href,
      trigger: document.querySelector('[data-testid="search-trigger"]')?.innerText,
      dialogOpen: Boolean(dialog),
      query: dialog?.querySelector('input')?.value,
      message: dialog?.querySelector('[data-testid="search-message"]')?.innerText,
      items: [...(dialog?.querySelectorAll('[data-component-name="Search/SearchItem"]') ?? [])].map((item) =>
        item.innerText.replace(/\s+/g, ' ').slice(0, 100),
      ),
    };
  });
}

/** Types `query` into the page's search and clicks the result `result` (a locator) once it is listed. */
async function searchAndOpen(page, query, result) {
  await (await searchReady(page)).click();
  await page.getByTestId('search-dialog').locator('input').fill(query);
  try {
    await result.first().click();
  } catch (error) {
    error.message += `\nThe search dialog: ${JSON.stringify(await searchState(page), null, 2)}`;
    throw error;
  }
}

describe('the reference page in Chromium', () => {
  let server;
  let origin;
  let browser;
  let page;

  /** Goes to `hash` and waits until the section it names is on the page. */
  const open = (hash) => openSection(page, hash);

  /**
   * Loads the page afresh at `hash`, as a reader following a link to it at the page's present width, and
   * waits for the section. (Each costs about 3 core-seconds: a test loads the page once a width, then moves
   * about in it as a reader does.)
   */
  const load = async (hash) => {
    await page.goto('about:blank');
    await page.goto(`${origin}/${hash}`);
    return open(hash);
  };

  beforeAll(async () => {
    if (!existsSync(join(dist, 'index.html'))) {
      throw new Error('docs/dist/index.html is missing: build the docs first (pnpm exec turbo run docs).');
    }
    mkdirSync(artifacts, { recursive: true });
    server = await serveStatic(dist, { host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await openBrowser([origin]);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    page = browser.page;
    await page.goto(`${origin}/`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  });

  it('renders the title, the intro and the sidebar: the guides, then the API by task, with no broken image', async () => {
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const group of [GUIDES_GROUP, ...navigation.groups.map((g) => g.name)]) {
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
    await page.screenshot({ path: join(artifacts, 'docs.png') });
  });

  it('shows the servers on the landing page as text, without raw Markdown code marks', async () => {
    if (page.url() !== `${origin}/`) await page.goto(`${origin}/`); // not loaded twice when already there
    const description = page.getByText(/^OSM's endpoints on the myhuaweicloud\.com domain/).first();
    await description.waitFor({ state: 'visible' });
    const text = await description.innerText();
    expect(text).toContain('send X-Site: 1');
    expect(text).not.toContain('`');
  });

  it('lists every heading of every guide whole in the sidebar (none cut at its code, as "Endpoint and" was)', async () => {
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    const missing = {};
    for (const { title, headings } of guideHeadings.filter((g) => g.headings.length)) {
      const item = sidebar
        .locator('[data-component-name="Menu/MenuItem"]')
        .filter({ has: page.locator(`:scope > a [data-text="${title}"]`) });
      await item.locator(':scope > a').click();
      await item.locator('[data-component-name="Menu/MenuItem"]').first().waitFor({ state: 'visible' });
      const entries = await item
        .locator('[data-component-name="Menu/MenuItem"] [data-text]')
        .evaluateAll((all) => all.map((e) => e.getAttribute('data-text')));
      const absent = headings.filter((heading) => !entries.includes(heading));
      if (absent.length) missing[title] = { absent, entries };
    }
    expect(missing).toEqual({});
  });

  it('offers the bundled spec, the error catalogue and the walkthrough for download next to the page', async () => {
    const response = await fetch(`${origin}/openapi.json`);
    expect(response.status).toBe(200);
    expect(operations(await response.json())).toHaveLength(specOperations.length);
    for (const file of ['openapi.json', 'openapi.yaml', 'error-codes.json']) {
      await page
        .locator(`[data-component-name="Buttons/DownloadButton"] a[href="${file}"], a[href="${file}"]`)
        .first()
        .waitFor({ state: 'attached' });
      expect((await fetch(`${origin}/${file}`)).status, file).toBe(200);
    }
    expect((await fetch(`${origin}/first-ticket.arazzo.yaml`)).status).toBe(200);
  });

  it(`shows every operation (${specOperations.length}) under its task`, async () => {
    const tasks = spec.tags.map((t) => t.name);
    const expected = Object.fromEntries(tasks.map((tag) => [tag, specOperations.filter(([, , op]) => op.tags[0] === tag).length]));
    const shown = {};
    const sidebar = page.locator('[data-component-name="Menu/Menu"]').first();
    for (const tag of tasks) {
      // A tag's menu item lists its operations (each with its HTTP method badge) once it is opened.
      const item = sidebar
        .locator('[data-component-name="Menu/MenuItem"]')
        .filter({ has: page.locator(`:scope > a [data-text="${tag}"]`) });
      const methodBadges = item.locator('[data-component-name="Tags/HttpTag"]');
      // A click toggles the item: one the page has opened already (its operation was shown) would close.
      // After a click its operations are awaited (as long as a busy machine may take to render them) before
      // the click is made again, in case the page lost it: polling at fixed intervals cost a second a task.
      await expect
        .poll(
          async () => {
            if (await methodBadges.first().isVisible()) return true;
            await item.locator(':scope > a').click();
            return methodBadges
              .first()
              .waitFor({ state: 'visible', timeout: 15_000 })
              .then(() => true)
              .catch(() => false);
          },
          { intervals: [1_000, 2_000, 4_000] },
        )
        .toBe(true);
      shown[tag] = await methodBadges.count();
    }
    expect(shown).toEqual(expected);
    expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(specOperations.length);
  });

  it(`finds ${SEARCHED} by its SDK name; its page names its reference chapter and statuses and shows its TypeScript sample`, async () => {
    const [path, method, operation, pathItem] = searched;
    const result = page
      .locator('[data-component-name="Search/SearchItem"]')
      .filter({ hasText: path })
      .filter({ hasText: operation.summary });
    await searchAndOpen(page, SEARCHED, result);
    await page.waitForURL(new RegExp(`#/.*/${SEARCHED.toLowerCase()}$`));
    const section = page.locator(`[data-section-id="${new URL(page.url()).hash.slice(1)}"]`);
    await section.getByRole('heading', { name: operation.summary }).first().waitFor({ state: 'visible' });
    await section.getByText(`Reference chapter: ${operation['x-reference-chapter']}`).first().waitFor({ state: 'visible' });
    // Its statuses, the gateway's 429 among them, in the text and as a response tab.
    await section.getByText('HTTP statuses: 200, 400, 401, 403, 429, 500').first().waitFor({ state: 'visible' });
    await section.getByRole('tab', { name: '429' }).first().waitFor({ state: 'visible' });

    // The sample as the build generated it: its call line must be on screen, under the TypeScript tab.
    const callLine = typescriptSample(spec, path, method, pathItem, operation)
      .split('\n')
      .find((line) => line.includes(`client.${method.toUpperCase()}(`));
    const samplePanel = section.getByTestId('right-panel').filter({ hasText: callLine });
    await samplePanel.locator('pre').first().waitFor({ state: 'visible' });
    await samplePanel.getByRole('button', { name: 'TypeScript' }).waitFor({ state: 'visible' });

    // Its copy button sits above the code, not over the first line: in the TypeScript sample, and in the
    // curl sample, whose first line is the URL.
    expect(await samplePanel.evaluate(copyButtonCoversFirstLine)).toBe(false);
    await samplePanel.getByRole('button', { name: SAMPLE_LABELS.typescript }).click();
    await page.getByText(SAMPLE_LABELS.curl, { exact: true }).first().click();
    const curlPanel = section.getByTestId('right-panel').filter({ hasText: 'curl -X GET' });
    await curlPanel.locator('pre').first().waitFor({ state: 'visible' });
    expect(await curlPanel.evaluate(copyButtonCoversFirstLine)).toBe(false);
  });

  it(`lands on the row of ${SEARCHED_CODE} when a reader searches for it and opens "${ERROR_CODES_GUIDE}"`, async () => {
    // On a page just opened, as a reader who searches first: Redoc renders a section's content only when
    // it is opened, so the row is not on the page yet when the search result is clicked (a page where
    // earlier tests had rendered it hid that the page script looked for the row too early). Opened at its
    // root: the page's HTML is rendered for the root, and one opened at a section is rendered anew by
    // Redoc after it loads (search box included).
    await page.goto(`${origin}/`);
    expect(await page.locator(`tr[id="${SEARCHED_CODE}"]`).count()).toBe(0);
    await searchAndOpen(
      page,
      SEARCHED_CODE,
      page.locator('[data-component-name="Search/SearchItem"]').filter({ hasText: ERROR_CODES_GUIDE }),
    );
    const row = page.locator(`tr[id="${SEARCHED_CODE}"]`);
    await expect.poll(() => row.evaluate((r) => r.classList.contains('osm-target'))).toBe(true);
    await expect.poll(() => row.evaluate((r) => r.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    const { top, viewport } = await row.evaluate((r) => ({ top: r.getBoundingClientRect().top, viewport: window.innerHeight }));
    expect(top).toBeLessThan(viewport);
  });

  it(`lands on the row of ${SEARCHED_CODE} from a link to it`, async () => {
    expect(pageLinks.length).toBeGreaterThan(100);
    expect(pageLinks).toContain(errorCodeHref(SEARCHED_CODE));
    await page.goto(`${origin}/${errorCodeHref(SEARCHED_CODE)}`);
    const row = page.locator(`tr[id="${SEARCHED_CODE}"]`);
    await expect.poll(() => row.evaluate((r) => r.classList.contains('osm-target'))).toBe(true);
    const top = await row.evaluate((r) => r.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight));
  });

  // Every in-page link of the content, by the section it points into: the section it names opens, and an
  // id after a second '#' is an element of it.
  it.each(linkBatches)('resolves the internal links into %s', async (_, links) => {
    const unresolved = [];
    for (const link of links) {
      const [, route, id] = link.split('#');
      try {
        await open(`#${route}`);
        if (id && !(await page.evaluate((i) => Boolean(document.getElementById(i)), id))) unresolved.push(link);
      } catch {
        unresolved.push(link);
      }
    }
    expect(unresolved).toEqual([]);
  });

  for (const [name, width] of Object.entries(WIDTHS)) {
    it(`lays the guides out at ${width} px: nothing wider than its column, a working copy button on every code block`, async () => {
      await page.setViewportSize({ width, height: name === 'phone' ? 1800 : 1400 });
      try {
        for (const [i, [guide, hash]] of Object.entries(GUIDES_SHOWN).entries()) {
          await (i === 0 ? load(hash) : open(hash));
          await page.locator('.osm-copy').first().waitFor({ state: 'attached' });
          if (name === 'desktop') await searchReady(page);
          await page.screenshot({ path: join(artifacts, `${guide}-${width}.png`) });
          expect(await page.evaluate(overflowingElements, '[data-testid="middle-panel"]'), `${guide} at ${width} px`).toEqual([]);
        }
        // The walkthrough's central step, with its request body.
        await open(createStepHref);
        await page.screenshot({ path: join(artifacts, `first-ticket-create-${width}.png`) });
        expect(await page.evaluate(overflowingElements, '[data-testid="middle-panel"]'), `walkthrough at ${width} px`).toEqual([]);

        const blocks = await page.evaluate(() =>
          [...document.querySelectorAll('[data-component-name="Markdown/Markdown"] pre')].map((pre) =>
            Boolean(pre.parentElement.querySelector(':scope > .osm-copy')),
          ),
        );
        expect(blocks.length).toBeGreaterThan(10);
        expect(blocks.every(Boolean)).toBe(true);

        const first = page.locator('.osm-code-block').first();
        // The button says "Copied" for 1.5 s only: record every label any copy button shows rather than
        // race that window. The whole page is watched, since the page may render the block (and its
        // button) again between watching and clicking; a click lost that way is made again.
        await page.evaluate(() => {
          window.osmCopyLabels = [];
          new MutationObserver((records) => {
            for (const record of records) {
              const element = record.target.nodeType === Node.ELEMENT_NODE ? record.target : record.target.parentElement;
              const button = element?.closest('.osm-copy');
              if (button) window.osmCopyLabels.push(button.textContent);
            }
          }).observe(document.body, { childList: true, characterData: true, subtree: true });
        });
        await first.locator('.osm-copy').click();
        await expect
          .poll(
            async () => {
              const labels = await page.evaluate(() => window.osmCopyLabels);
              if (!labels.includes('Copied')) await first.locator('.osm-copy').click();
              return labels;
            },
            { intervals: [2_000, 4_000] },
          )
          .toContain('Copied');
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied.trim()).toBe((await first.locator('pre').innerText()).trim());
      } finally {
        await page.setViewportSize({ width: WIDTHS.desktop, height: 1100 });
      }
    });
  }

  for (const [name, width] of Object.entries(WIDTHS)) {
    it(`shows code whole, headings unbroken and tabs uncovered at ${width} px`, async () => {
      await page.setViewportSize({ width, height: name === 'phone' ? 1800 : 1100 });
      try {
        const problems = {};
        for (const [i, hash] of LAYOUT_PAGES.entries()) {
          await (i === 0 ? load(hash) : open(hash));
          await page.locator('[data-section-id] pre').first().waitFor({ state: 'visible' });
          const found = {
            'code cut without a scroll bar': await page.evaluate(clippedCodeBlocks, 'body'),
            'heading broken inside a word': await page.evaluate(headingsBrokenInsideAWord),
            'tab under a floating control': await page.evaluate(tabsUnderFloatingControls),
            'wider than its column': await page.evaluate(overflowingElements, '[data-testid="middle-panel"]'),
          };
          for (const [what, list] of Object.entries(found)) if (list.length) (problems[hash] ??= {})[what] = list;
        }
        expect(problems).toEqual({});
        // The floating button is there at 390 px: the tab check had something to check.
        if (name === 'phone') expect(await page.getByTestId('floating-button').isVisible()).toBe(true);
      } finally {
        await page.setViewportSize({ width: WIDTHS.desktop, height: 1100 });
      }
    });
  }

  it('fits every table of every guide into its column at 1440 px, without scrolling sideways', async () => {
    const titles = guideHeadings.map((g) => g.title);
    const scrolling = {};
    for (const title of titles) {
      await open(sectionHref(title));
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('.md-table-wrapper, .osm-table')]
          .filter((box) => box.getBoundingClientRect().height > 0 && box.scrollWidth > box.clientWidth + 1)
          .map((box) => `${box.querySelector('th')?.textContent}: ${box.scrollWidth} > ${box.clientWidth}`),
      );
      if (wide.length) scrolling[title] = wide;
    }
    expect(scrolling).toEqual({});
  });

  it('loaded nothing from any host but 127.0.0.1, and logged no console error', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((url) => !isLocal(url, [origin]))).toEqual([]);
    expect(browser.consoleErrors).toEqual([]);
  });
});
