/**
 * How far the server's clock may be from ours before a 401 is taken for the API gateway refusing the
 * request's `X-Sdk-Date`. The gateway allows 15 minutes; anything beyond a few minutes is worth
 * correcting, and a 401 for another reason costs one more request at most.
 */
const SKEW_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * The offset from our clock to the server's, read from a response's `Date` header (1 s resolution), when
 * the two differ by more than {@link SKEW_TOLERANCE_MS}; undefined when they agree or there is no date to
 * read (browsers do not expose `Date` to a cross-origin caller unless the server allows it).
 */
export function clockSkewOf(response: Response, now = Date.now()): number | undefined {
  const serverTime = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(serverTime)) return undefined;
  const offset = serverTime - now;
  return Math.abs(offset) > SKEW_TOLERANCE_MS ? offset : undefined;
}
