import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Engine } from '../engine/engine.js';
import { checkNetworkOptions, IDLE_TIMEOUT_MS, type NetworkOptions } from '../engine/network.js';
import type { Responder } from '../engine/types.js';
import type { AnyOsmOverride } from '../overrides/override.js';
import type { OverrideError } from '../overrides/responder.js';
import { createOverrideState } from '../overrides/state.js';
import type { DriftReport } from '../proxy/drift.js';
import type { ProxyMode } from '../proxy/proxy-option.js';
import type { ProxyOption } from '../proxy/proxy-settings.js';
import { readSpec } from '../spec-file.js';
import { engineFor, resolveStatefulOption, sandboxFor } from '../stateful/mock-option.js';
import type { Sandbox } from '../stateful/sandbox.js';
import type { SandboxSeed } from '../stateful/seed.js';
import { readSeedFile } from '../stateful/seed-file.js';
import type { SandboxState } from '../stateful/state.js';
import type { StatefulOption } from '../stateful/stateful-option.js';
import { answerClientErrors, NODE_MAX_HEADER_BYTES, requestListener } from './http-adapter.js';

/** Options of {@link startMock}; `latency` and `faults`: see the README, "Faults and latency". */
export interface MockOptions extends NetworkOptions {
  /** Port to listen on; `0` picks a free one. Default 4010. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Answer with data generated from the schemas instead of the spec's named examples. Default false. */
  dynamic?: boolean;
  /** Seed for `dynamic` data and for the latency and faults drawn, so a run can be repeated. Default `osm`. */
  seed?: string;
  /** Refuse query parameters and body fields the spec does not name (OSM ignores them). Default false. */
  strict?: boolean;
  /** A bundled OpenAPI document (JSON or YAML) to serve instead of `@osm-openapi/spec`'s. */
  spec?: string;
  /** The docs `GET /` points to, e.g. those served beside the mock. Default: the published docs. */
  docsUrl?: string;
  /** Receives one access-log line per request. Default: no log. */
  log?: (line: string) => void;
  /** Answers validated requests before the examples do (see the README: "Extending the mock"). */
  responder?: Responder;
  /** Overrides (made by `override()`) answering from the start, before `responder`, the sandbox and the examples; `resetOverrides()` keeps them. */
  overrides?: readonly AnyOsmOverride[];
  /**
   * Keep state: tickets, messages, labels and attachments live in an in-memory store of this mock
   * (see the README: "Stateful mode"). `true` starts from the spec's examples; `{ seed }` from a seed
   * object or the path of a JSON seed file. Default false: every answer is an example.
   */
  stateful?: StatefulOption;
  /**
   * Proxy mode (see the README: "Proxy mode"): instead of answering from the spec, forward every request
   * to this OSM endpoint - checked by the same steps as the mock - and check its answers against the spec,
   * reporting the drift. A URL, or `{ url, errors, record, report, timeouts, credentials, cors }`. Not with
   * `stateful`, `dynamic`, `responder`, `latency`, `faults` or `seed` (refused: a TypeError naming them). It sends no CORS headers and refuses web pages (any `Origin`)
   * unless `cors` lists their origins, and refuses a `Host` that is not where it listens.
   */
  proxy?: ProxyOption;
}

/** A running mock, as returned by {@link startMock}. */
export interface RunningMock {
  /** Base URL, e.g. `http://127.0.0.1:4010`; point the client's `baseUrl` here. */
  url: string;
  /** The port actually listened on (useful with `port: 0`). */
  port: number;
  /** How many operations the served spec has. */
  operations: number;
  /** Stops the server; resolves once it is closed. */
  close(): Promise<void>;
  /**
   * Stateful mode: empties the store back to its seed; with a seed, to that one from now on (a bad seed
   * throws `SeedError` and changes nothing). Throws when the mock is not stateful.
   */
  reset(seed?: SandboxSeed): void;
  /** Stateful mode: a copy of the store, in the seed format. Throws when the mock is not stateful. */
  state(): SandboxState;
  /**
   * Adds overrides (made by `override()`) in front of those in use, the last added asked first, like
   * msw's `server.use()`. Throws an `OverrideError` for one whose operation the spec does not have.
   */
  use(...overrides: AnyOsmOverride[]): void;
  /** Removes the overrides added by `use()`; those of the `overrides` option stay. */
  resetOverrides(): void;
  /** The errors of overrides' answers (an answer OSM could not send, answered as a 500) since the last call; forgets them. */
  takeOverrideErrors(): OverrideError[];
  /** Proxy mode: the drift report so far (as `GET /__osm/drift`). Throws when the mock is not a proxy. */
  drift(): DriftReport;
  /** Proxy mode: the report files written at `close()` (with the `report` setting); empty before. */
  readonly reportFiles: readonly string[];
}

/** Raised when the requested port is already taken. */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`Port ${port} on ${host} is already in use: stop what is using it, or choose another port.`);
    this.name = 'PortInUseError';
  }
}

/**
 * Starts the OSM mock in this process: an HTTP server answering every operation of the spec from its
 * examples, and invalid requests the way OSM does (400 `OSM.0001` naming the parameter and rule, 401
 * `OSM.0002`).
 *
 * ```ts
 * const mock = await startMock({ port: 0 });
 * const client = createOsmClient({ baseUrl: mock.url, auth: { token: 'test' } });
 * // ...
 * await mock.close();
 * ```
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  checkNetworkOptions(options);
  const stateful = resolveStatefulOption(options.stateful, readSeedFile);
  if (options.proxy !== undefined) {
    // The network conditions are the mock's: a proxy would draw them before forwarding, so a request would
    // meet an invented fault instead of OSM, in a run meant to gather evidence about OSM. Refused rather than
    // ignored. (A `Prefer: code=429 | 503 | fault | delay` a caller sends is carried out, as in the mock.)
    const mocking = [
      stateful && 'stateful',
      options.dynamic && 'dynamic',
      options.responder && 'responder',
      options.latency !== undefined && 'latency',
      options.faults !== undefined && 'faults',
      options.seed !== undefined && 'seed',
    ].filter(Boolean);
    if (mocking.length) throw new TypeError(`proxy answers from the upstream: it does not go with ${mocking.join(', ')}`);
  }
  const document = await readSpec(options.spec);
  const sandbox = sandboxFor(document, stateful);
  const docsUrl = options.docsUrl === undefined ? undefined : urlOption('docsUrl', options.docsUrl);
  const overrides = createOverrideState(document, options.overrides);
  let proxy: ProxyMode | undefined;
  let engine: Engine;
  if (options.proxy !== undefined) {
    // Overrides answer in place of the spec's examples; a proxy answers with the real API's.
    if (options.overrides?.length)
      throw new TypeError('startMock(): overrides and proxy do not go together: a proxy forwards every request.');
    // Loaded only in proxy mode (its validator and signer are a chunk of their own): the mock's start stays as it was.
    const { startProxyMode } = await import('../proxy/proxy-option.js');
    proxy = await startProxyMode(options.proxy, document, { strict: options.strict, docsUrl, log: options.log });
    engine = proxy.engine;
  } else {
    const responders = [overrides.responder, ...(options.responder ? [options.responder] : [])];
    engine = await engineFor(
      {
        document,
        dynamic: options.dynamic ?? false,
        seed: options.seed ?? 'osm',
        strict: options.strict ?? false,
        responders,
        docsUrl,
        latency: options.latency,
        faults: options.faults,
      },
      sandbox,
    );
  }
  // Node's checks of `Host` and of the head's size are the listener's and the engine's (http-adapter.ts).
  const server = createServer(
    { requireHostHeader: false, maxHeaderSize: NODE_MAX_HEADER_BYTES },
    requestListener(engine, options.log, proxy?.line),
  );
  // The client decides when an idle keep-alive connection ends. With Node's default (the server closing it
  // after 5 s and saying so in `Keep-Alive: timeout=5`), a client whose timers run late on a busy machine
  // reuses a socket the server has just closed and fails with "other side closed". Without the hint, fetch
  // (undici) closes idle sockets after 4 s; the 2-minute socket timeout only clears away abandoned ones,
  // and ends a `Prefer: fault=hang` the client never gives up on.
  server.keepAliveTimeout = 0;
  server.timeout = IDLE_TIMEOUT_MS;
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, options.port ?? 4010) : error),
    );
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Proxy mode refuses a Host other than this one (caller-guard.ts: DNS rebinding); the plain mock takes any.
  proxy?.listening(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  let reportFiles: readonly string[] = [];
  return {
    url: `http://${shownHost}:${port}`,
    port,
    operations: engine.operations,
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.close(() => {
          try {
            reportFiles = proxy?.close() ?? [];
            resolve();
          } catch (error) {
            reject(error);
          }
        });
        server.closeAllConnections();
      })),
    reset: (seed) => statefulOnly(sandbox).reset(seed),
    state: () => statefulOnly(sandbox).state(),
    use: (...added) => {
      if (proxy) throw new Error('This mock is a proxy: it forwards every request, so overrides do not apply.');
      overrides.use(added);
    },
    resetOverrides: () => overrides.reset(),
    takeOverrideErrors: () => overrides.takeErrors(),
    drift: () => {
      if (!proxy) throw new Error('This mock is not a proxy: start it with startMock({ proxy: url }) to read its drift report.');
      return proxy.drift();
    },
    get reportFiles() {
      return reportFiles;
    },
  };
}

/** `value` as a URL (normalized), or a TypeError naming the option. */
function urlOption(name: string, value: string): string {
  try {
    return new URL(value).href;
  } catch {
    throw new TypeError(`${name} must be a URL, got "${value}"`);
  }
}

function statefulOnly(sandbox: Sandbox | undefined): Sandbox {
  if (!sandbox) throw new Error('This mock keeps no state: start it with startMock({ stateful: true }) to reset it or read its state.');
  return sandbox;
}
