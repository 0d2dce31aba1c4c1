// The answers of Huawei's API gateway when the backend behind it fails, which the proxy gives when the
// upstream does: OSM's error body with the gateway's code. Huawei's current API Gateway error table gives
// one code, `.0201`, for both "Backend unavailable." (502) and "Backend timeout." (504) - older tables of
// its ROMA gateway numbered them 0202 and 0203 - and the spec's 502 example (ERRATA 7.1/7.2) is
// `APIGW.0201`; OSM's shared gateway writes its codes `APIGW.*`, the form `OsmErrorCode` takes.
import type { OsmErrorBody } from '../engine/osm-errors.js';

/** Why the upstream gave no usable answer. */
export type UpstreamFailure = 'unreachable' | 'timeout' | 'reset' | 'too-large-head' | 'malformed';

/** The status and body the proxy answers for a failure of the upstream. */
export function gatewayError(failure: UpstreamFailure, detail: string): { status: number; body: OsmErrorBody } {
  if (failure === 'timeout') return { status: 504, body: { error_code: 'APIGW.0201', error_msg: `Backend timeout: ${detail}` } };
  return { status: 502, body: { error_code: 'APIGW.0201', error_msg: `Backend unavailable: ${detail}` } };
}
