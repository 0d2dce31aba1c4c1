/**
 * @osm-openapi/mock/msw (Node): the OSM mock as request handlers for MSW (Mock Service Worker),
 * answering in the test's own process, with no port: the same engine, answers, `Prefer` choices and OSM
 * errors as `startMock()`.
 *
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { osmHandlers } from '@osm-openapi/mock/msw';
 *
 * const server = setupServer(...osmHandlers());
 * server.listen();
 * ```
 */
import { readSpec } from '../spec-file.js';
import { readSeedFile } from '../stateful/seed-file.js';
import { createHandlers, type OsmHandlers, type OsmHandlersOptions } from './handlers.js';

export { DEFAULT_OSM_URL, type OsmHandlers, type OsmHandlersOptions } from './handlers.js';

/**
 * MSW handlers answering every operation of the OSM API under `baseUrl`. The spec is read and parsed
 * on the first request (once), so creating the handlers costs nothing.
 */
export function osmHandlers(options: OsmHandlersOptions = {}): OsmHandlers {
  return createHandlers(options, { readSpec, readSeed: readSeedFile });
}
