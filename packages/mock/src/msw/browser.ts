/**
 * @osm-openapi/mock/msw (browser): the OSM mock as request handlers for MSW's `setupWorker`, answering
 * in the page through MSW's service worker: the same engine, answers, `Prefer` choices and OSM errors
 * as in Node. Bundlers pick this file through the package's `browser` export condition.
 *
 * ```ts
 * import { setupWorker } from 'msw/browser';
 * import { osmHandlers } from '@osm-openapi/mock/msw';
 *
 * await setupWorker(...osmHandlers()).start();
 * ```
 */
import { SeedError } from '../stateful/seed.js';
import { createHandlers, type OsmHandlers, type OsmHandlersOptions } from './handlers.js';

export { DEFAULT_OSM_URL, type OsmHandlers, type OsmHandlersOptions } from './handlers.js';

/** A page has no files to read: options that name one are refused when the handlers are made. */
const noFiles = (what: string, path: string) =>
  `${what} "${path}" is a file path, which only Node can read: in the browser, pass the parsed object instead.`;

/**
 * MSW handlers answering every operation of the OSM API under `baseUrl`. The bundled spec is loaded
 * and parsed on the first request (once, as a chunk of its own), so creating the handlers costs nothing.
 * `spec` and a `stateful` seed must be objects here.
 */
export function osmHandlers(options: OsmHandlersOptions = {}): OsmHandlers {
  if (typeof options.spec === 'string') throw new TypeError(noFiles('The spec', options.spec));
  return createHandlers(options, {
    readSpec: async () => (await import('@osm-openapi/spec/openapi.json', { with: { type: 'json' } })).default,
    readSeed: (path) => {
      throw new SeedError(noFiles('The seed', path));
    },
  });
}
