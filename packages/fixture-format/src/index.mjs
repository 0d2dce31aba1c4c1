// The contract tests' fixture format in one import; each part is also its own subpath.
export { withBinaryBody } from './binary-body.mjs';
export { capturingFetch, snapshotRequest, snapshotResponse } from './capture.mjs';
export { writeFixture } from './write.mjs';
