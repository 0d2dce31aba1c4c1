// Where the engine gets the operations of a spec, in Node: the build parses the bundled spec with Prism's
// parser once and ships the result beside the bundle as `prism-operations-<fingerprint>.txt`, so a mock of
// that spec starts without Prism's parser (a third of a second, and a large part of Prism's code). Any
// other document (or a spec package of another version installed beside this mock) has another
// fingerprint and is parsed here. Browsers have their own variant (operations-source-web.ts).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type OperationSource, parsedSources, sourcesFromText } from './operation-source.js';

/** The fingerprint of a parsed document: the SHA-256 of its JSON text. scripts/build.mjs names the file by it. */
export function specFingerprint(document: object): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 16);
}

/** The operations of `document`: those the build parsed when it is the bundled spec, else parsed now. */
export async function operationsOf(document: object): Promise<OperationSource[]> {
  try {
    return sourcesFromText(await readFile(new URL(`./prism-operations-${specFingerprint(document)}.txt`, import.meta.url), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { prismOperations } = await import('./prism-operations.js');
  return parsedSources(await prismOperations(document));
}
