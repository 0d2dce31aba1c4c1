// `GET /`: what a person or a script finds at the mock's root - the operations it serves and where
// the documentation is - instead of a gateway error.
import type { OperationModel } from './operation-model.js';

/** Where the API reference and guides are published. */
export const DOCS_URL = 'https://osm-openapi.github.io/osm-openapi/';

let docsUrl = DOCS_URL;

/**
 * Points the index at other docs: those served beside the mock (`osm-mock --docs <url>`, which `npm start`
 * gives its local docs server). One setting for the process, as the CLI runs one mock.
 */
export function useDocsUrl(url: string): void {
  docsUrl = new URL(url).href;
}

/** The JSON body of `GET /`. */
export function indexBody(title: string, version: string, operations: readonly OperationModel[]): object {
  return {
    name: 'OSM mock (@osm-openapi/mock)',
    spec: { title, version },
    docs: docsUrl,
    usage: 'Send X-Auth-Token (any value). Choose an answer with Prefer: example=<name> or Prefer: code=<status>.',
    operations: operations.map((o) => ({ operationId: o.operationId, method: o.method.toUpperCase(), path: o.pathTemplate })),
  };
}
