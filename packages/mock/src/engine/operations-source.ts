// Where the engine gets the operations of a spec, in Node: the build parses the bundled spec with Prism's
// parser once and ships the result beside the bundle, in a folder `prism-operations-<fingerprint>/` (an
// `index.json` of every operation's method, path and operationId, then `<n>.json` per operation, read when
// a request first needs it), so a mock of that spec starts without Prism's parser (a third of a second,
// and a large part of Prism's code) and reads only the operations a test calls. Any other document (or a
// spec package of another version installed beside this mock) has another fingerprint and is parsed here.
// Browsers have their own variant (operations-source-web.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IHttpOperation } from '@stoplight/types';
import { type OperationSource, parsedSources } from './operation-source.js';

/** The fingerprint of a parsed document: the SHA-256 of its JSON text. scripts/build.mjs names the folder by it. */
export function specFingerprint(document: object): string {
  return createHash('sha256').update(JSON.stringify(document)).digest('hex').slice(0, 16);
}

/** The folder of the operations the build parsed for a document of this fingerprint. */
export function parsedOperationsFolder(fingerprint: string, beside: string | URL = import.meta.url): URL {
  return new URL(`./prism-operations-${fingerprint}/`, beside);
}

/** The sources of a folder the build wrote; each operation's file is read on its first use. */
export async function sourcesFromFolder(folder: URL): Promise<OperationSource[]> {
  const index = JSON.parse(await readFile(new URL('index.json', folder), 'utf8')) as {
    method: string;
    path: string;
    operationId: string;
  }[];
  return index.map((entry, i) => {
    let operation: IHttpOperation | undefined;
    return { ...entry, load: () => (operation ??= JSON.parse(readFileSync(new URL(`${i}.json`, folder), 'utf8')) as IHttpOperation) };
  });
}

/** The operations of `document`: those the build parsed when it is the bundled spec, else parsed now. */
export async function operationsOf(document: object): Promise<OperationSource[]> {
  try {
    return await sourcesFromFolder(parsedOperationsFolder(specFingerprint(document)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { prismOperations } = await import('./prism-operations.js');
  return parsedSources(await prismOperations(document));
}
