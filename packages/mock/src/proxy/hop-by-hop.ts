// Headers that belong to one connection, not to the exchange (RFC 9110, 7.6.1): a proxy drops them in
// both directions, with any header the `Connection` header names.

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

type HeaderValue = string | string[] | undefined;

/** `headers` (names in lower case) without the hop-by-hop ones, nor those `Connection` names, nor `drop`. */
export function endToEnd<V extends HeaderValue>(
  headers: Readonly<Record<string, V>>,
  drop: readonly string[] = [],
): Record<string, Exclude<V, undefined>> {
  const connection = headers.connection;
  const named = new Set(
    [connection ?? []]
      .flat()
      .flatMap((value) => String(value).split(','))
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, Exclude<V, undefined>> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (value === undefined || HOP_BY_HOP.has(lower) || named.has(lower) || drop.includes(lower)) continue;
    out[lower] = value as Exclude<V, undefined>;
  }
  return out;
}
