// One table of edge requests that every front door must answer alike (issue 24): the HTTP server, MSW in
// Node (test/findings/doors.test.ts) and MSW's service worker in Chromium (contract-tests suite 9, which
// imports this file). Plain data, so that it can be handed to a page.

/** A request as written: the raw path (escapes untouched), headers, a text body. */
export interface EdgeRequest {
  name: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const TOKEN = { 'X-Auth-Token': 'edge-token' };
const STATUS = (caseId: string) => `/v2/servicerequest/cases/${caseId}/status`;
/** A curl-style form (`curl -F file=@a.txt`): the file part without a Content-Type of its own. */
const FORM =
  '--B\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello\r\n--B\r\nContent-Disposition: form-data; name="form_data"\r\n\r\n{}\r\n--B--\r\n';
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

export const EDGE_REQUESTS: readonly EdgeRequest[] = [
  { name: 'a malformed escape (a%zz) in a path parameter', method: 'GET', path: STATUS('a%zz'), headers: TOKEN },
  { name: 'a truncated escape (a%)', method: 'GET', path: STATUS('a%'), headers: TOKEN },
  { name: 'an overlong UTF-8 escape (%C0%AF)', method: 'GET', path: STATUS('%C0%AF'), headers: TOKEN },
  { name: 'a malformed escape in a query value', method: 'GET', path: '/v2/servicerequest/cases?search_key=%zz', headers: TOKEN },
  { name: 'a malformed escape without a token', method: 'GET', path: STATUS('a%zz'), headers: {} },
  {
    name: 'a JSON body sent as text/plain',
    method: 'POST',
    path: '/v2/servicerequest/labels',
    headers: { ...TOKEN, 'Content-Type': 'text/plain' },
    body: '{"name":"a","color":"#000000"}',
  },
  {
    name: 'a JSON body sent as text/plain;charset=UTF-8 (what fetch sends for a string)',
    method: 'POST',
    path: '/v2/servicerequest/labels',
    headers: { ...TOKEN, 'Content-Type': 'text/plain;charset=UTF-8' },
    body: '{"name":"a","color":"#000000"}',
  },
  {
    name: 'a Prefer header of 20 KB',
    method: 'GET',
    path: STATUS('CS1'),
    headers: { ...TOKEN, Prefer: `example=${'x'.repeat(20 * 1024)}` },
  },
  {
    name: 'a JSON null where the spec wants an object',
    method: 'PUT',
    path: '/v2/servicerequest/cases/CS1/contact-info',
    headers: { ...TOKEN, 'Content-Type': 'application/json' },
    body: 'null',
  },
  {
    name: 'a JSON body nested 2,000 deep',
    method: 'PUT',
    path: '/v2/servicerequest/cases/CS1/contact-info',
    headers: { ...TOKEN, 'Content-Type': 'application/json' },
    body: deep(2000),
  },
  {
    name: 'a curl-style upload: a file part without its own Content-Type',
    method: 'POST',
    path: '/v2/servicerequest/accessorys',
    headers: { ...TOKEN, 'Content-Type': 'multipart/form-data; boundary=B' },
    body: FORM,
  },
  {
    name: 'a multipart body without its boundary',
    method: 'POST',
    path: '/v2/servicerequest/accessorys',
    headers: { ...TOKEN, 'Content-Type': 'multipart/form-data' },
    body: FORM,
  },
  { name: 'a dot segment before a malformed escape', method: 'GET', path: '/v2/servicerequest/cases/x/../a%zz/status', headers: TOKEN },
  { name: 'a path the API does not have', method: 'GET', path: '/v2/nowhere/%zz', headers: TOKEN },
  {
    name: 'a malformed escape in a cookie (msw parses cookies)',
    method: 'GET',
    path: STATUS('CS1'),
    headers: { ...TOKEN, Cookie: 'a=%zz; b=%' },
  },
];

/** Headers that belong to the connection, not to the answer: they differ between doors by nature. */
const TRANSPORT = new Set(['connection', 'content-length', 'date', 'keep-alive', 'transfer-encoding']);

/** An answer as compared across doors: status, the answer's own headers, the body text. */
export interface DoorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The headers of an answer without the connection's, names in lower case, sorted. */
export function answerHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  return Object.fromEntries(
    [...headers]
      .map(([name, value]) => [name.toLowerCase(), value] as const)
      .filter(([name]) => !TRANSPORT.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}
