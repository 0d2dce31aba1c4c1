// The HTTP statuses a caller of OSM meets - from OSM itself and from Huawei Cloud's API gateway in front of
// it - with what @osm-openapi/client does with each (packages/client/README.md, "Errors" and "Retries";
// src/retry.ts). One list for both places that show it: the table of the "Error handling" guide
// (`<!-- http-statuses -->`) and the statuses each operation lists. Reference: section 7.2 (status codes)
// and the common error table 7.1 for OSM's own codes.

export const HTTP_STATUSES = [
  {
    status: 200,
    from: 'OSM',
    meaning:
      "The call was handled: the operation's result, **or** a business error `{error_code, error_msg}` (a ticket that does not exist, a limit reached).",
    client: '`data`; for a business error, `error` (an `OsmError` with `httpStatus` 200).',
  },
  {
    status: 400,
    from: 'OSM',
    meaning: 'A parameter or the body broke a rule: `OSM.0001`, its message naming the parameter.',
    client: '`error` (`OSM.0001`); not retried: the same request would fail again.',
  },
  {
    status: 401,
    from: 'OSM, gateway',
    meaning:
      'No credentials, an expired token (`OSM.0002`), or an AK/SK signature the gateway refuses (`APIGW.0301`; a clock more than 15 minutes off is the usual cause).',
    client:
      '`error`. With `iamPasswordAuth` or a refreshable token source, the client gets a new token and sends the request once more first.',
  },
  {
    status: 403,
    from: 'OSM, gateway',
    meaning: "Not allowed (`OSM.0003`): the IAM user lacks the permission, or the ticket is not the account's.",
    client: '`error`; not retried.',
  },
  {
    status: 404,
    from: 'gateway',
    meaning: 'No such API (`APIGW.0101`): the path or the method is wrong.',
    client: "`error` with the gateway's code (or `HTTP.404` without a body).",
  },
  {
    status: 413,
    from: 'gateway',
    meaning: 'The body is too large: AK/SK-signed bodies are limited to 12 MB.',
    client: '`error`; send a large upload with a token instead.',
  },
  {
    status: 429,
    from: 'gateway',
    meaning: 'Too many requests: the gateway throttled the call (`APIGW.0308`).',
    client:
      'GET: sent again, up to 3 attempts with backoff, honouring `Retry-After`; then `error`. Other methods: `error` (opt in with `retry.methods`).',
  },
  {
    status: 500,
    from: 'OSM',
    meaning: 'OSM failed inside (`OSM.0004`).',
    client: '`error`; not retried.',
  },
  {
    status: '502, 504',
    from: 'gateway',
    meaning: 'OSM is unreachable or too slow behind the gateway (`APIGW.0201`).',
    client: 'GET: sent again like a 429; then `error`.',
  },
  {
    status: 503,
    from: 'gateway',
    meaning: 'A service the gateway needs is unavailable (`APIGW.0613`: IAM), with `Retry-After` when sent.',
    client: 'GET: sent again like a 429; then `error`.',
  },
];

/** The Markdown table of the "Error handling" guide. */
export function httpStatusTable() {
  const escapeCell = (text) => String(text).replace(/\|/g, '\\|');
  return [
    '| HTTP | from | what it means | what the client does |',
    '|---|---|---|---|',
    ...HTTP_STATUSES.map((s) => `| ${s.status} | ${s.from} | ${escapeCell(s.meaning)} | ${escapeCell(s.client)} |`),
  ].join('\n');
}
