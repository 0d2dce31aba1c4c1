// Redoc 3's sidebar footer ("API docs by" + Redocly's logo) loads the logo from cdn.redoc.ly: the one
// thing the inlined page would fetch from the network, a failed request and a broken image offline.
// The page carries the logos itself instead, as inline SVG wordmarks, keeping the attribution.

function svgDataUri(svg) {
  // Base64 keeps the URI free of quotes: it lands inside a string literal of Redoc's inlined script.
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const wordmark = (width, text) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16">` +
  `<text x="0" y="12.5" font-family="system-ui, sans-serif" font-size="13" font-weight="600" fill="#3a3a3a">${text}</text></svg>`;

/** The remote logo URLs of Redoc's page and what replaces each. */
export const REDOCLY_LOGOS = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': svgDataUri(wordmark(56, 'Redocly')),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': svgDataUri(wordmark(12, 'R')),
};

/** Returns the page with Redocly's logos inlined; throws if Redoc no longer references them. */
export function inlineRedoclyLogos(html) {
  let page = html;
  for (const [url, dataUri] of Object.entries(REDOCLY_LOGOS)) {
    if (!page.includes(url)) {
      throw new Error(
        `The Redoc page no longer references ${url}: update docs/scripts/offline-assets.mjs (the browser test lists any remote request).`,
      );
    }
    page = page.replaceAll(url, dataUri);
  }
  return page;
}
