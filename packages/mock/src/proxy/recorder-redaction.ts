// The one place the proxy reaches the fixture recorder's code (@osm-openapi/redaction and
// @osm-openapi/fixture-format, the recorder's parts without dependencies, bundled into the mock by
// esbuild): its redaction rules (credentials, e-mail, phone numbers, verification codes, passwords; files replaced by their size) and its fixture format, reused as they are - never copied -
// so that the proxy's report, log and fixtures are redacted exactly as recorded fixtures are.
// Nothing else in the mock imports the recorder.

import { withBinaryBody as withBinaryBodyJs } from '@osm-openapi/fixture-format/binary-body';
import { snapshotRequest as snapshotRequestJs, snapshotResponse as snapshotResponseJs } from '@osm-openapi/fixture-format/capture';
import { writeFixture as writeFixtureJs } from '@osm-openapi/fixture-format/write';
import { REDACTED as REDACTED_JS, redactFixture as redactFixtureJs, redactText as redactTextJs } from '@osm-openapi/redaction';

/** A contract-test fixture (packages/contract-tests/README.md). */
export interface Fixture {
  operationId: string;
  case: string;
  source: string;
  request: { method: string; path: string; query: Record<string, string | string[]>; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body?: unknown; bodyEncoding?: 'base64' };
}

/** What replaces a credential. */
export const REDACTED = REDACTED_JS as string;

/** A copy of `fixture` redacted; throws (naming no value) if a secret could still be found in it. */
export const redactFixture = redactFixtureJs as (fixture: Fixture, secrets: readonly string[]) => Fixture;

/** `text` with the fixture rules' replacements (signatures, known secrets, e-mail, phone numbers). */
export const redactText = redactTextJs as (text: string, secrets: readonly string[]) => string;

/** The fixture's request, from a fetch Request; its path relative to `baseUrl`. */
export const snapshotRequest = snapshotRequestJs as (request: Request, baseUrl: string) => Promise<Fixture['request']>;

/** The fixture's response, from a fetch Response. */
export const snapshotResponse = snapshotResponseJs as (response: Response) => Promise<Fixture['response']>;

/** A binary body (a file) replaced by a note of its size, unless `keep`. */
export const withBinaryBody = withBinaryBodyJs as (response: Fixture['response'], keep: boolean) => Fixture['response'];

/** Writes `<dir>/<operationId>/<case>.json`; returns the file. */
export const writeFixture = writeFixtureJs as (dir: string, fixture: Fixture) => string;

/**
 * One value seen in an answer, redacted by the fixture rules as the field `field` would be; undefined
 * when a known secret would survive (it is then left out rather than shown).
 */
export function redactValue(field: string | undefined, value: unknown, secrets: readonly string[]): unknown {
  const name = field ?? 'value';
  const probe: Fixture = {
    operationId: '',
    case: '',
    source: '',
    request: { method: '', path: '', query: {}, headers: {} },
    response: { status: 200, headers: {}, body: { [name]: value } },
  };
  try {
    return (redactFixture(probe, secrets).response.body as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}
