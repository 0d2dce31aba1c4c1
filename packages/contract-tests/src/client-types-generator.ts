// Regenerates the client's types from a bundled spec with the very function the client's generate
// script uses (packages/client/scripts/openapi-types.mjs), so a drift can only come from the spec.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { openapiTypes } from '../../client/scripts/openapi-types.mjs';

/** The generated file in the client package. */
export const clientTypesPath: string = fileURLToPath(new URL('../../client/src/generated/openapi.ts', import.meta.url));

/** The text of the client's src/generated/openapi.ts as generated from `specPath` now. */
export function generateClientTypes(specPath: string): Promise<string> {
  return openapiTypes(pathToFileURL(specPath));
}
