// Reads the spec the mock serves: the bundled one of @osm-openapi/spec, or a file the user names.
import { readFile } from 'node:fs/promises';
import { loadSpec } from '@osm-openapi/spec';

/** The OpenAPI document at `path` (JSON or YAML, told apart by the file name), or the bundled spec. */
export async function readSpec(path?: string): Promise<object> {
  if (path === undefined) return loadSpec();
  try {
    const text = await readFile(path, 'utf8');
    // yaml is loaded only for a YAML file: it is a tenth of the mock's start-up.
    const document: unknown = path.endsWith('.json') ? JSON.parse(text) : (await import('yaml')).parse(text);
    if (document === null || typeof document !== 'object') throw new Error('not an OpenAPI document');
    return document;
  } catch (error) {
    throw new Error(`Cannot read the spec ${path}: ${(error as Error).message}`);
  }
}
