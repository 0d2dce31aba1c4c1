/**
 * `text` with every copy of `secret` replaced by `***`: as it is, percent-encoded (URI component and
 * form style), JSON-escaped, and in any letter case of those - a server echoing a password back may
 * have done any of that to it.
 */
export function redactSecret(text: string, secret: string): string {
  if (!secret) return text;
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    encodeURIComponent(secret).replace(/%20/g, '+'),
    encodeURI(secret),
    JSON.stringify(secret).slice(1, -1),
  ]);
  const pattern = [...forms].sort((a, b) => b.length - a.length).map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return text.replace(new RegExp(pattern, 'gi'), '***');
}
