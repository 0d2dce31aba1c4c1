// Which `error_code` values the spec knows: the 64 codes of the catalogue (`@osm-openapi/spec`'s
// error-codes.json, table 7.1 of the reference) and the API gateway's `APIGW.*` codes, as the spec's
// `OsmErrorCode` schema has them.
import { loadErrorCodes } from '@osm-openapi/spec';

const GATEWAY_CODE = /^APIGW\.[0-9]+$/;

/** A test of codes against the catalogue (the bundled one unless `codes` are given). */
export function knownErrorCodes(codes: readonly string[] = loadErrorCodes().map((entry) => entry.code)): (code: string) => boolean {
  const catalogue = new Set(codes);
  return (code) => catalogue.has(code) || GATEWAY_CODE.test(code);
}

/** Whether `code` is one of the gateway's (the spec's `default` answers are these). */
export const isGatewayCode = (code: unknown): boolean => typeof code === 'string' && GATEWAY_CODE.test(code);
