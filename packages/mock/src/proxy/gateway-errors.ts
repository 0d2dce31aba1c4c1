// The answers of Huawei's API gateway when the backend behind it fails, which the proxy gives when the
// upstream does: OSM's error body with the gateway's codes (Huawei's API Gateway error table:
// `APIG*.0202` "Backend unavailable" with 502, `APIG*.0203` "Backend timeout" with 504; OSM's shared
// gateway writes them `APIGW.*`, the form the spec's `OsmErrorCode` takes).
import type { OsmErrorBody } from '../engine/osm-errors.js';

/** Why the upstream gave no usable answer. */
export type UpstreamFailure = 'unreachable' | 'timeout' | 'reset' | 'too-large-head' | 'malformed';

/** The status and body the proxy answers for a failure of the upstream. */
export function gatewayError(failure: UpstreamFailure, detail: string): { status: number; body: OsmErrorBody } {
  if (failure === 'timeout') return { status: 504, body: { error_code: 'APIGW.0203', error_msg: `Backend timeout: ${detail}` } };
  return { status: 502, body: { error_code: 'APIGW.0202', error_msg: `Backend unavailable: ${detail}` } };
}
