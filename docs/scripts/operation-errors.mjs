// The "Errors" paragraph each operation gets in the docs: the codes it can return. The reference names
// specific codes for a few operations (x-osm-error-codes on the operation); for the rest it points to the
// whole table, so the general codes are listed and the full table linked.

const GENERAL = ['OSM.0001', 'OSM.0002', 'OSM.0003', 'OSM.0004'];

/** Markdown listing the error codes an operation can return. */
export function errorsSection(spec, operation, codes) {
  const byCode = new Map(codes.map((c) => [c.code, c]));
  const specific = operation['x-osm-error-codes'] ?? [];
  const listed = [...new Set([...specific, ...GENERAL])];
  const lines = listed.map((code) => {
    const entry = byCode.get(code);
    return entry ? `- \`${code}\` (HTTP ${entry.http_status}): ${entry.description}` : `- \`${code}\``;
  });
  const businessNote = specific.length
    ? ''
    : '\n\nBusiness errors come back with HTTP 200 and `{error_code, error_msg}`; any code of the **Error handling** guide\'s table can occur.';
  return `**Errors**\n\n${lines.join('\n')}${businessNote}`;
}
