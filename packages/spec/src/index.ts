/**
 * @osm-openapi/spec: the bundled OpenAPI description of Huawei Cloud's OSM Service Ticket API and its
 * error-code catalogue, as files and as parsed objects.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of the bundled spec as JSON (every $ref resolved into components). */
export const openapiJsonPath: string = fileURLToPath(new URL('./openapi.json', import.meta.url));
/** Absolute path of the bundled spec as YAML. */
export const openapiYamlPath: string = fileURLToPath(new URL('./openapi.yaml', import.meta.url));
/** Absolute path of the error-code catalogue as JSON. */
export const errorCodesPath: string = fileURLToPath(new URL('./error-codes.json', import.meta.url));

/** One code of the error catalogue (table 7.1 of the reference). */
export interface ErrorCodeEntry {
  /** The code as the API returns it in `error_code`, e.g. `OSM.01010015`. */
  code: string;
  /** HTTP status the code comes with: 200 for business errors, else 400, 401, 403 or 500. */
  http_status: number;
  /** The API's `error_msg`. */
  message: string;
  /** What the code means. */
  description: string;
  /** What to do about it. */
  solution: string;
  /** Whether the historical table 7.3 lists the code too, and the fields it words differently there. */
  historical: {
    in_table_7_3: boolean;
    message?: string;
    description?: string;
    solution?: string;
    http_status?: number;
  };
}

/** Reads and parses the bundled spec (a plain OpenAPI 3.0 document object). */
export function loadSpec(): Record<string, unknown> {
  return JSON.parse(readFileSync(openapiJsonPath, 'utf8')) as Record<string, unknown>;
}

/** Reads the error-code catalogue. */
export function loadErrorCodes(): ErrorCodeEntry[] {
  return JSON.parse(readFileSync(errorCodesPath, 'utf8')) as ErrorCodeEntry[];
}
