// Prism's validator, used in-process on its own (not through the package's entry, so that Prism's router,
// proxy forwarder, instance factory and data generator are not loaded): it checks a request against the
// one operation our router found. Security is checked by the engine (it also knows the header length
// rules). Prism's other parts the mock uses are loaded when first needed: prism-mocker.ts (generated
// data) and prism-operations.ts (parsing a spec).

import { validateInput } from '@stoplight/prism-http/dist/validator/index.js';
import type { IHttpOperation } from '@stoplight/types';
import type { PrismDiagnostic } from './osm-errors.js';

/** The request as Prism's validator takes it. */
export interface PrismInput {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

/** fp-ts's Either, as Prism's functions return it. */
export type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };

/** A request in Prism's shape. */
export function prismRequest(input: PrismInput) {
  return { method: input.method as never, url: { path: input.path, query: input.query }, headers: input.headers, body: input.body };
}

/** The problems Prism's validator finds in a request to `operation` (errors and warnings). */
export function validateWithPrism(operation: IHttpOperation, input: PrismInput): PrismDiagnostic[] {
  const result = validateInput({ resource: operation, element: prismRequest(input) } as never) as unknown as Either<
    PrismDiagnostic[],
    unknown
  >;
  return result._tag === 'Left' ? result.left : [];
}
