// Prism's parser of OpenAPI documents into its operations (dereferencing, removing cycles, transforming):
// a third of a second for this spec, and a large part of Prism's code. The Node build ships the bundled
// spec's operations parsed at build time (operations-source.ts), so this module is imported only for
// another spec.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http/dist/utils/operations.js';
import type { IHttpOperation } from '@stoplight/types';

/** Parses a dereferenced-or-not OpenAPI document into Prism's operations. */
export function prismOperations(document: object): Promise<IHttpOperation[]> {
  return getHttpOperationsFromSpec(document as never);
}
