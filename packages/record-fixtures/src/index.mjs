// The recorder's library, one import for callers that want all of it; each part is also its own subpath
// (`@osm-openapi/record-fixtures/capture`, ...). Redaction lives in @osm-openapi/redaction and is
// re-exported here under its usual names.

export { assertNoSecrets, REDACTED, REDACTED_EMAIL, redactFixture, redactText } from '@osm-openapi/redaction';
export { readCalls } from './calls.mjs';
export { capturingFetch, snapshotRequest, snapshotResponse } from './capture.mjs';
export { credentialsFromEnv, MOCK_TOKEN } from './credentials.mjs';
export { clientInit, recordCalls } from './record.mjs';
export { writeFixture } from './write.mjs';
