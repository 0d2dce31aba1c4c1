// The recorder's library, one import for callers that want all of it; each part is also its own subpath
// (`@osm-openapi/record-fixtures/record`, ...). The redaction (@osm-openapi/redaction) and the fixture format
// (@osm-openapi/fixture-format) are packages without dependencies, which the mock's proxy uses too; they
// are re-exported here under their usual names.

export { capturingFetch, snapshotRequest, snapshotResponse, withBinaryBody, writeFixture } from '@osm-openapi/fixture-format';
export { assertNoSecrets, REDACTED, REDACTED_EMAIL, redactFixture, redactText } from '@osm-openapi/redaction';
export { readCalls } from './calls.mjs';
export { credentialsFromEnv, MOCK_TOKEN } from './credentials.mjs';
export { clientInit, recordCalls } from './record.mjs';
