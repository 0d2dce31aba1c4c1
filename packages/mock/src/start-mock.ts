import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { openapiJsonPath } from '@osm-openapi/spec';
import { type PrismProcess, startPrism } from './prism-process.js';
import { proxyTo } from './proxy.js';
import { modelSpec, parseSpecDocument, type SpecModel } from './spec-model.js';
import { snapshotSpec } from './spec-snapshot.js';

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
  /** A bundled OpenAPI document (JSON or YAML) to serve instead of `@osm-openapi/spec`'s. */
  spec?: string;
  /** Receives one access-log line per request. Default: no log. */
  log?: (line: string) => void;
}

/** A running mock, as returned by {@link startMock}. */
export interface RunningMock {
  /** Base URL, e.g. `http://127.0.0.1:4010`; point the client's `baseUrl` here. */
  url: string;
  /** The port actually listened on (useful with `port: 0`). */
  port: number;
  /** How many operations the served spec has. */
  operations: number;
  /** Stops the server and the Prism process behind it; resolves when both are gone. */
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
 * Starts the OSM mock: Prism serving the bundled spec, behind a front server that answers invalid
 * requests the way OSM does (400 `OSM.0001` naming the parameter and rule, 401 `OSM.0002`).
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
  const specPath = options.spec ?? openapiJsonPath;
  const snapshot = snapshotSpec(specPath);
  let model: SpecModel;
  try {
    model = modelSpec(parseSpecDocument(snapshot.text, specPath));
  } catch (error) {
    snapshot.remove();
    throw new Error(`Cannot read the spec ${specPath}: ${(error as Error).message}`);
  }

  // Listen first, so a taken port fails fast, before Prism is started for nothing. Requests that
  // arrive meanwhile wait for Prism.
  let proxyReady!: (listener: RequestListener) => void;
  const proxy = new Promise<RequestListener>((resolve) => (proxyReady = resolve));
  const server = createServer((req, res) => void proxy.then((forward) => forward(req, res)));
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  let prism: PrismProcess;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, options.port ?? 4010) : error),
      );
      server.listen(options.port ?? 4010, host, () => resolve());
    });
    prism = await startPrism({ spec: snapshot.path, dynamic: options.dynamic ?? false, seed: options.seed ?? 'osm' });
  } catch (error) {
    await closeServer();
    snapshot.remove();
    throw error;
  }
  proxyReady(proxyTo({ prismPort: prism.port, prismFailure: prism.failure, spec: model, onResponse: options.log }));

  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    operations: model.operationCount,
    close: async () => {
      await Promise.all([closeServer(), prism.stop()]);
      snapshot.remove();
    },
  };
}
