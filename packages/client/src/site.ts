import type { components } from './generated/openapi.js';

type Site = components['parameters']['XSite'];

/** Hosts of the Chinese mainland site's OSM endpoints: `osm.cn-*.myhuaweicloud.com` and the `.cn` domain. */
const MAINLAND_HOST = /^osm\.cn-[^.]+\.myhuaweicloud\.com$|\.myhuaweicloud\.cn$/i;

/**
 * The `X-Site` a client sends when its options name none: `1`, the international site, unless the client
 * is meant for a Chinese mainland endpoint (a `cn-*` region, or a base URL on one), where OSM's own default `0`
 * is right and no header is sent. The default endpoint, `ap-southeast-3`, is the international site's,
 * and without the header OSM takes a call for the mainland site - the wrong one for the accounts that
 * endpoint serves (see the spec's `XSite`).
 */
export function defaultSite(region: string, baseUrl: URL): Site | undefined {
  return region.startsWith('cn-') || MAINLAND_HOST.test(baseUrl.hostname) ? undefined : 1;
}
