// `GET /`: what a person or a script finds at the mock's root - the operations it serves and where
// the documentation is - instead of a gateway error.
import type { OperationSource } from './operation-source.js';

/** Where the API reference and guides are published. */
export const DOCS_URL = 'https://osm-openapi.github.io/osm-openapi/';

/**
 * The JSON body of `GET /`; `docsUrl` is where the docs are: the published ones by default, or those
 * served beside the mock (`osm-mock --docs <url>`, which `npm start` gives its local docs server).
 */
export function indexBody(title: string, version: string, operations: readonly OperationSource[], docsUrl = DOCS_URL): object {
  return {
    name: 'OSM mock (@osm-openapi/mock)',
    spec: { title, version },
    docs: docsUrl,
    usage: 'Send X-Auth-Token (any value). Choose an answer with Prefer: example=<name> or Prefer: code=<status>.',
    operations: operations.map((o) => ({ operationId: o.operationId, method: o.method.toUpperCase(), path: o.path })),
  };
}
