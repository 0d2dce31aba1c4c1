// Regenerates the client's types from a bundled spec with openapi-typescript's Node API, with the
// options packages/client/scripts/generate.mjs uses (keep the two in step: the drift check fails if not).
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

/** The generated file in the client package. */
export const clientTypesPath: string = fileURLToPath(new URL('../../client/src/generated/openapi.ts', import.meta.url));

/** The TypeScript openapi-typescript makes of the spec, as the client generates it (binary as Blob). */
export async function generateClientTypes(specPath: string): Promise<string> {
  const blob = ts.factory.createTypeReferenceNode('Blob');
  const ast = await openapiTS(pathToFileURL(specPath), {
    transform: (schema) => (schema.type === 'string' && schema.format === 'binary' ? blob : undefined),
  });
  return astToString(ast);
}

/**
 * openapi-typescript's part of the client's generated file: without what the client's script adds
 * around it - its `//` header and the one-line doc comments on the root interfaces (column 0; the
 * generator's own comments are always indented or span several lines).
 */
export function openapiTypescriptPart(source: string): string {
  return source
    .split('\n')
    .filter((line) => !line.startsWith('//') && !/^\/\*\*.*\*\/$/.test(line))
    .join('\n');
}
