// Prism answers preflights and adds CORS headers to what it sends. Responses the front server writes
// itself (rewritten errors, its own rejections) carry the same headers, so a browser app on another
// origin can read those too.
import type { IncomingMessage } from 'node:http';

/** The CORS headers Prism sends, for a response to `req`. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return {
    'access-control-allow-origin': origin ?? '*',
    'access-control-allow-headers': '*',
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': '*',
    ...(origin ? { vary: 'origin' } : {}),
  };
}
