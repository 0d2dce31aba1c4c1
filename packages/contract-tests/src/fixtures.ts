// Recorded exchanges: fixtures/<operationId>/<case>.json, as @osm-openapi/record-fixtures writes them.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The request half of a fixture, as it went over the wire (secrets redacted). */
export interface FixtureRequest {
  method: string;
  /** The concrete path, e.g. `/v2/servicerequest/cases/CS20240101000001/labels`. */
  path: string;
  /** Query parameters as sent: one string, or several for a repeated name (`label_ids=1,2` is one string). */
  query: Record<string, string | string[]>;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** JSON body, or the form fields of a multipart body (file parts as their text). */
  body?: unknown;
}

/** The response half of a fixture. */
export interface FixtureResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** JSON body, or a binary body as base64 text (then `bodyEncoding` is `base64`). */
  body?: unknown;
  bodyEncoding?: 'base64';
}

/** One recorded exchange. */
export interface Fixture {
  operationId: string;
  case: string;
  /** Where the exchange comes from: a reference section transcribed, or a recording against the mock or OSM. */
  source: string;
  request: FixtureRequest;
  response: FixtureResponse;
}

/** A fixture and the file it was read from (relative to the package, for messages). */
export interface LoadedFixture {
  fixture: Fixture;
  file: string;
}

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The folder holding the fixtures. */
export const fixturesDir: string = join(packageRoot, 'fixtures');

/** Reads one fixture file; throws naming the file if its name and content disagree. */
export function readFixture(path: string): LoadedFixture {
  const file = relative(packageRoot, path);
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as Fixture;
  const operationId = basename(dirname(path));
  const caseName = basename(path, '.json');
  if (fixture.operationId !== operationId || fixture.case !== caseName) {
    throw new Error(
      `${file}: says operationId "${fixture.operationId}", case "${fixture.case}"; its path says "${operationId}", "${caseName}"`,
    );
  }
  if (!fixture.source || !fixture.request || !fixture.response) {
    throw new Error(`${file}: a fixture needs "source", "request" and "response"`);
  }
  return { fixture, file };
}

/** Every fixture, grouped by operationId, in file-name order. */
export function loadFixtures(dir: string = fixturesDir): Map<string, LoadedFixture[]> {
  const byOperation = new Map<string, LoadedFixture[]>();
  const folders = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  for (const operationId of folders.map((entry) => entry.name).sort()) {
    const files = readdirSync(join(dir, operationId))
      .filter((f) => f.endsWith('.json'))
      .sort();
    byOperation.set(
      operationId,
      files.map((f) => readFixture(join(dir, operationId, f))),
    );
  }
  return byOperation;
}
