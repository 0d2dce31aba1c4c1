// Checks of what a reader sees, run inside the page (`page.evaluate(check, arg)`): each returns the
// problems it finds as short descriptions, so an assertion `toEqual([])` names them.

/**
 * Elements of `selector` that stick out of the column they are in, or make the page scroll sideways: an
 * element inside a box that scrolls horizontally only has to fit that box.
 */
export function overflowingElements(selector) {
  const found = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > window.innerWidth + 1) found.push(`the page scrolls sideways: ${page.scrollWidth} > ${window.innerWidth}`);
  for (const column of document.querySelectorAll(selector)) {
    const limit = column.getBoundingClientRect().right + 1;
    for (const element of column.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.right <= limit) continue;
      let box = element.parentElement;
      while (box && box !== column && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      const fits = box && box !== column && box.getBoundingClientRect().right <= limit;
      if (!fits)
        found.push(`${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(rect.right)} > ${Math.round(limit)}`);
    }
  }
  return found.slice(0, 10);
}

/**
 * Visible headings (h1-h3) with a word split over two lines ("Authenticati" / "on"); a break after a
 * hyphen ("X-" / "Site") is a break between the parts of a word, as typesetting allows.
 */
export function headingsBrokenInsideAWord() {
  const found = [];
  for (const heading of document.querySelectorAll('h1, h2, h3')) {
    if (!heading.getClientRects().length) continue;
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.textContent.matchAll(/[^\s-]+-?/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push(`"${match[0]}" in "${heading.textContent.trim().slice(0, 60)}"`);
      }
    }
  }
  return found;
}

/**
 * Tabs (role=tab) that a control fixed to the screen (Redoc's floating menu button) can cover: one that
 * shares part of its column with the control lies under it once the page scrolls it there.
 */
export function tabsUnderFloatingControls() {
  const fixed = [...document.querySelectorAll('button, a, [role="button"]')].filter(
    (element) => getComputedStyle(element).position === 'fixed' && element.getClientRects().length,
  );
  const found = [];
  for (const control of fixed) {
    const c = control.getBoundingClientRect();
    for (const tab of document.querySelectorAll('[role="tab"]')) {
      const t = tab.getBoundingClientRect();
      if (t.width > 0 && t.left < c.right && t.right > c.left)
        found.push(
          `tab "${tab.textContent.trim()}" [${Math.round(t.left)}-${Math.round(t.right)}] under ${control.getAttribute('data-testid') ?? control.tagName} [${Math.round(c.left)}-${Math.round(c.right)}]`,
        );
    }
  }
  return found.slice(0, 10);
}

/** Visible code blocks (`pre`) inside `selector` whose lines are cut: wider than their box, which shows no scroll bar. */
export function clippedCodeBlocks(selector) {
  const found = [];
  for (const pre of document.querySelectorAll(`${selector} pre`)) {
    if (!pre.getClientRects().length || pre.scrollWidth <= pre.clientWidth + 1) continue;
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(pre).overflowX) && pre.offsetHeight - pre.clientHeight > 0;
    if (!scrolls) found.push(`${pre.textContent.trim().slice(0, 50)}: ${pre.scrollWidth} > ${pre.clientWidth}`);
  }
  return found;
}
