// Redocly's footer logo, inlined so the page fetches nothing from a CDN.
import { describe, expect, it } from 'vitest';
import { inlineRedoclyLogos, REDOCLY_LOGOS } from '../../scripts/offline-assets.mjs';

const urls = Object.keys(REDOCLY_LOGOS);
const page = `<script>const logo = e ? \`${urls[0]}\` : \`${urls[1]}\`;</script>`;

describe('inlineRedoclyLogos', () => {
  it('replaces every CDN logo URL with an inline SVG that is safe inside a script string', () => {
    const inlined = inlineRedoclyLogos(page);
    expect(inlined).not.toContain('cdn.redoc.ly');
    for (const dataUri of Object.values(REDOCLY_LOGOS)) {
      expect(inlined).toContain(dataUri);
      expect(dataUri).toMatch(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
      expect(Buffer.from(dataUri.split(',')[1], 'base64').toString()).toMatch(/^<svg [^>]*>.*<\/svg>$/);
    }
  });

  it('fails the build when Redoc stops referencing a logo, so a new remote asset gets looked at', () => {
    expect(() => inlineRedoclyLogos(`<script>\`${urls[0]}\`</script>`)).toThrow(urls[1]);
  });
});
