import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngine } from '../engine/engine.js';
import type { Responder } from '../engine/types.js';
import { readSpec } from '../spec-file.js';
import { answerClientErrors, requestListener } from './http-adapter.js';

/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; `0` picks a free one. Default 4010. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Answer with data generated from the schemas instead of the spec's named examples. Default false. */
  dynamic?: boolean;
  /** Seed for `dynamic` data, so a run can be repeated. Default `osm`. */
  seed?: string;
  /** Refuse query parameters and body fields the spec does not name (OSM ignores them). Default false. */
  strict?: boolean;
  /** A bundled OpenAPI document (JSON or YAML) to serve instead of `@osm-openapi/spec`'s. */
  spec?: string;
  /** Receives one access-log line per request. Default: no log. */
  log?: (line: string) => void;
  /** Answers validated requests before the examples do (see the README: "Extending the mock"). */
  responder?: Responder;
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
  const engine = await createEngine({
    document: await readSpec(options.spec),
    dynamic: options.dynamic ?? false,
    seed: options.seed ?? 'osm',
    strict: options.strict ?? false,
    responder: options.responder,
  });
  const server = createServer(requestListener(engine, options.log));
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, options.port ?? 4010) : error));
    server.listen(options.port ?? 4010, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    operations: engine.operations,
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      })),
  };
}
