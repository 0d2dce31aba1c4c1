// Step: a CORS preflight is answered for every path, so a page can call the mock from another origin.
import { preflightHeaders } from '../cors.js';
import type { Arrival } from '../pipeline.js';

export function answerPreflight({ method, request, cors }: Arrival) {
  const headers = request.headers;
  if (method !== 'OPTIONS' || !headers.origin || !headers['access-control-request-method']) return undefined;
  return {
    status: 204,
    headers: {
      ...cors,
      ...preflightHeaders(headers['access-control-request-method'], headers['access-control-request-headers']),
      'content-length': '0',
    },
  };
}
