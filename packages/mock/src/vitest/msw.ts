/**
 * @osm-openapi/mock/vitest/msw: the OSM mock as MSW handlers for a vitest file in one line, with no port.
 * `useOsmHandlers()` starts an MSW server with `osmHandlers()` before the file's tests (`beforeAll`),
 * resets its handlers after each test (`afterEach`: the overrides a test added go; a test whose
 * overrides answered what OSM could not send fails there), and closes it after the file (`afterAll`).
 *
 * ```ts
 * import { override } from '@osm-openapi/mock';
 * import { useOsmHandlers } from '@osm-openapi/mock/vitest/msw';
 *
 * const osm = useOsmHandlers();
 *
 * test('a closed ticket', async () => {
 *   osm.use(override('showCaseStatus', () => ({ status: 200, body: { status: 4 } })));
 *   const client = createOsmClient({ auth: { token: 'test' } }); // the default endpoint is answered
 *   // ...
 * });
 * ```
 */
import type { SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { OsmHandlers, OsmHandlersOptions } from '../msw/handlers.js';
import type { AnyOsmOverride } from '../overrides/override.js';
import { failOnOverrideErrors } from './fail-on-override-errors.js';

/** Options of {@link useOsmHandlers}: those of `osmHandlers()`, and how the MSW server listens. */
export interface UseOsmHandlersOptions extends OsmHandlersOptions {
  /** Given to `server.listen()` as they are, e.g. `{ onUnhandledFrame: 'error' }` (msw 3; `onUnhandledRequest` in msw 2). Default: msw's. */
  listen?: Parameters<SetupServer['listen']>[0];
}

/** The MSW server of a test file, as {@link useOsmHandlers} returns it. */
export interface OsmHandlersFixture {
  /** The MSW server (add handlers of your own with `server.use()`). Throws before `beforeAll` has run. */
  readonly server: SetupServer;
  /** The OSM handlers it serves. Throws before `beforeAll` has run. */
  readonly handlers: OsmHandlers;
  /** Adds overrides for the current test (`server.use(handlers.handler(...))`); they are removed after it. */
  use(...overrides: AnyOsmOverride[]): void;
}

/**
 * Registers an MSW server answering as the OSM API with vitest and returns it: listening from
 * `beforeAll`, handlers reset in `afterEach`, closed in `afterAll`. msw is loaded in `beforeAll`, so
 * a file that imports this module without msw installed fails there, saying so.
 */
export function useOsmHandlers(options: UseOsmHandlersOptions = {}): OsmHandlersFixture {
  let running: { server: SetupServer; handlers: OsmHandlers } | undefined;
  const started = () => {
    if (!running) throw new Error('useOsmHandlers(): the MSW server starts in beforeAll; read it inside a test or a hook.');
    return running;
  };
  beforeAll(async () => {
    const [{ setupServer }, { osmHandlers }] = await Promise.all([import('msw/node'), import('../msw/node.js')]);
    const { listen, ...handlerOptions } = options;
    const handlers = osmHandlers(handlerOptions);
    const server = setupServer(...handlers);
    server.listen(listen);
    running = { server, handlers };
  });
  afterEach(() => {
    if (!running) return;
    const errors = running.handlers.takeOverrideErrors();
    running.server.resetHandlers();
    failOnOverrideErrors(errors);
  });
  afterAll(() => {
    running?.server.close();
    running = undefined;
  });
  return {
    get server() {
      return started().server;
    },
    get handlers() {
      return started().handlers;
    },
    use: (...overrides) => started().server.use(started().handlers.handler(...overrides)),
  };
}
