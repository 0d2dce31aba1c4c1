#!/usr/bin/env node
// `record-fixtures --calls <file> --out <dir> (--base-url <url> | --mock)`
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFixture } from '@osm-openapi/fixture-format/write';
import { loadSpec } from '@osm-openapi/spec';
import { readCalls } from '../src/calls.mjs';
import { credentialsFromEnv, MOCK_TOKEN } from '../src/credentials.mjs';
import { recordCalls } from '../src/record.mjs';

const HELP = `Usage: record-fixtures --calls <file> --out <dir> (--base-url <url> | --mock)

Replays a list of calls (JSON or YAML: [{ operationId, case, source?, params?, body?, headers?, auth? }])
through @osm-openapi/client and writes each exchange, with secrets and personal data redacted, to
<dir>/<operationId>/<case>.json.

Options:
  --calls <file>     the call list
  --out <dir>        where the fixtures go (e.g. packages/contract-tests/fixtures)
  --base-url <url>   the API to call, e.g. https://osm.ap-southeast-3.myhuaweicloud.com
  --mock             start @osm-openapi/mock on a free loopback port and call it instead
  --help             print this help

Downloaded files (binary bodies) are kept only from the mock; from a real endpoint each is replaced by
a note of its size, since it cannot be searched for personal data.

Credentials come from the environment only: OSM_TOKEN, or OSM_AK, OSM_SK and OSM_DOMAIN_ID
(plus OSM_SECURITY_TOKEN for temporary credentials). With --mock and none set, a placeholder token
is sent.`;

function fail(message) {
  console.error(`record-fixtures: ${message}`);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      calls: { type: 'string' },
      out: { type: 'string' },
      'base-url': { type: 'string' },
      mock: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${error.message}\n\n${HELP}`);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (!values.calls || !values.out) fail(`--calls and --out are required\n\n${HELP}`);
if (Boolean(values['base-url']) === values.mock) fail('give exactly one of --base-url and --mock');

let credentials;
try {
  credentials = credentialsFromEnv() ?? (values.mock ? { auth: { token: MOCK_TOKEN }, secrets: [MOCK_TOKEN] } : undefined);
} catch (error) {
  fail(error.message);
}
if (!credentials) fail('no credentials: set OSM_TOKEN, or OSM_AK, OSM_SK and OSM_DOMAIN_ID');

let mock;
try {
  const calls = readCalls(values.calls);
  if (values.mock) {
    const { startMock } = await import('@osm-openapi/mock');
    mock = await startMock({ port: 0 });
  }
  const baseUrl = mock?.url ?? values['base-url'];
  let count = 0;
  // The mock's files are its own placeholders; files from OSM may hold personal data and are not kept.
  const keepBinaryBodies = values.mock;
  for await (const fixture of recordCalls({ calls, baseUrl, ...credentials, spec: loadSpec(), keepBinaryBodies })) {
    const file = writeFixture(values.out, fixture);
    console.log(`${fixture.request.method} ${fixture.request.path} -> ${fixture.response.status}  ${relative(process.cwd(), file)}`);
    count += 1;
  }
  console.log(`record-fixtures: ${count} fixtures written to ${relative(process.cwd(), values.out) || '.'}`);
} catch (error) {
  process.exitCode = 1;
  console.error(`record-fixtures: ${error.message}`);
} finally {
  await mock?.close();
}
