// The "Errors" paragraph each operation gets in the docs. The reference names no codes per operation (each
// operation points to the whole table 7.1, or 7.3 for v1.0), so every operation lists the protocol codes
// it can get and links the full table; an operation that declares `x-osm-error-codes` lists those first.
// It also lists the HTTP statuses the operation can answer with: those its responses declare (the spec
// declares the API gateway's 429 and 503 on every operation; the docs add none of their own).
import { ERROR_CODES_GUIDE, errorCodeHref, sectionHref, slug } from './links.mjs';

/** The codes any operation can get: the parameter check, authentication, permission and internal errors. */
export const GENERAL_CODES = ['OSM.0001', 'OSM.0002', 'OSM.0003', 'OSM.0004'];

/** Where the table of HTTP statuses is: a heading of the "Error handling" guide. */
export const HTTP_STATUSES_HREF = `${sectionHref('Error handling')}/${slug('HTTP status codes')}`;

/** The HTTP statuses an operation declares, in order. */
export function operationStatuses(operation) {
  return Object.keys(operation.responses ?? {})
    .filter((key) => /^\d{3}$/.test(key))
    .map(Number)
    .sort((a, b) => a - b);
}

/** Markdown listing the error codes an operation can return; throws on a code the catalogue lacks. */
export function errorsSection(operation, codes) {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const listed = [...new Set([...(operation['x-osm-error-codes'] ?? []), ...GENERAL_CODES])];
  const lines = listed.map((code) => {
    const entry = byCode.get(code);
    if (!entry) throw new Error(`${operation.operationId}: error code ${code} is not in the error catalogue`);
    return `- [\`${code}\`](${errorCodeHref(code)}) (HTTP ${entry.http_status}): ${entry.description}`;
  });
  return [
    '**Errors**',
    lines.join('\n'),
    'Business errors come back with HTTP 200 and `{error_code, error_msg}`: any code of the ' +
      `[error-code table](${sectionHref(ERROR_CODES_GUIDE)}) can occur.`,
    `**HTTP statuses**: ${operationStatuses(operation).join(', ')} ([what each means, and what the client does](${HTTP_STATUSES_HREF})).`,
  ].join('\n\n');
}
