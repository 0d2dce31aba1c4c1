// fetch refuses a header value with NUL, CR or LF, or beyond Latin-1, and says so with the whole value in
// its message; a credential must never get that far. Other control characters are refused here too.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** True when `value` can be sent as a header value as it is. */
export function isHeaderValue(value: string): boolean {
  return HEADER_VALUE.test(value);
}
