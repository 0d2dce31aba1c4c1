// An operation of the served spec before the engine needs it: what routing and `GET /` read (method,
// path, operationId), and Prism's parsed operation, made on the first request that routes to it. A mock
// answers a few operations in a test file; modelling all 95 up front is most of a cold start.
import type { IHttpOperation } from '@stoplight/types';

/** One operation, its parsed form loaded on demand. */
export interface OperationSource {
  /** Lower-case method. */
  method: string;
  /** The spec's path template. */
  path: string;
  operationId: string;
  /** Prism's parsed operation (made once; later calls return the same object). */
  load(): IHttpOperation;
}

/** Sources of operations already parsed. */
export function parsedSources(operations: readonly IHttpOperation[]): OperationSource[] {
  return operations.map((operation) => ({
    method: operation.method.toLowerCase(),
    path: operation.path,
    operationId: operation.iid ?? operation.id,
    load: () => operation,
  }));
}
