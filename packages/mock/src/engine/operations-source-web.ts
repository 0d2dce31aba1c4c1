// Where the engine gets the operations of a spec, in browsers: parsed on the page by Prism's parser,
// loaded on first use (the Node variant, operations-source.ts, ships the bundled spec's parsed at build time).
import { type OperationSource, parsedSources } from './operation-source.js';

/** The operations of `document`, parsed now. */
export async function operationsOf(document: object): Promise<OperationSource[]> {
  const { prismOperations } = await import('./prism-operations.js');
  return parsedSources(await prismOperations(document));
}
