/**
 * @osm-openapi/mock/vitest: the OSM mock for a vitest file in one line. `useOsmMock()` starts an HTTP
 * mock before the file's tests (`beforeAll`), removes the overrides a test added after it (`afterEach`;
 * a test whose overrides answered what OSM could not send fails there), and closes it after the file
 * (`afterAll`).
 *
 * ```ts
 * import { override } from '@osm-openapi/mock';
 * import { useOsmMock } from '@osm-openapi/mock/vitest';
 *
 * const mock = useOsmMock();
 *
 * test('a closed ticket', async () => {
 *   mock.use(override('showCaseStatus', () => ({ status: 200, body: { status: 4 } })));
 *   const client = createOsmClient({ baseUrl: mock.url, auth: { token: 'test' } });
 *   // ...
 * });
 * ```
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { AnyOsmOverride } from '../overrides/override.js';
import { type MockOptions, type RunningMock, startMock } from '../server/start-mock.js';
import { failOnOverrideErrors } from './fail-on-override-errors.js';

/** The mock of a test file, as {@link useOsmMock} returns it. */
export interface OsmMockFixture {
  /** The running mock (its `reset()` and `state()` in stateful mode). Throws before `beforeAll` has run. */
  readonly mock: RunningMock;
  /** Its base URL: the client's `baseUrl`. Throws before `beforeAll` has run. */
  readonly url: string;
  /** Adds overrides for the current test; they are removed after it. */
  use(...overrides: AnyOsmOverride[]): void;
}

/**
 * Registers the mock's lifecycle with vitest and returns it: started in `beforeAll` (on a free port
 * unless `options.port` says otherwise), overrides reset in `afterEach`, closed in `afterAll`. Call it
 * at the top of a test file or of a `describe`.
 */
export function useOsmMock(options: MockOptions = {}): OsmMockFixture {
  let running: RunningMock | undefined;
  const started = () => {
    if (!running) throw new Error('useOsmMock(): the mock starts in beforeAll; read it inside a test or a hook.');
    return running;
  };
  beforeAll(async () => {
    running = await startMock({ port: 0, ...options });
  });
  afterEach(() => {
    if (!running) return;
    const errors = running.takeOverrideErrors();
    running.resetOverrides();
    failOnOverrideErrors(errors);
  });
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    get mock() {
      return started();
    },
    get url() {
      return started().url;
    },
    use: (...overrides) => started().use(...overrides),
  };
}
