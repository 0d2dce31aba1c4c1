// The recorder's rule for downloaded files, shared with the mock's proxy, which records fixtures too.

/**
 * A binary response body (a downloaded file, an export) cannot be searched for personal data, so it is
 * replaced by a note of its size unless `keep` says the source holds none (the mock).
 */
export function withBinaryBody(response, keep) {
  if (keep || response.bodyEncoding !== 'base64') return response;
  const size = Buffer.from(response.body, 'base64').length;
  const note = `binary body of ${size} bytes, not kept: it may hold personal data`;
  return { ...response, body: Buffer.from(note).toString('base64') };
}
