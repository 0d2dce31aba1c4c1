// RFC 6266 Content-Disposition, for the file name of a download. `filename*` (RFC 8187: charset'lang'
// percent-encoded bytes) wins over `filename` (token or quoted-string).

const PARAMETER = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;

/**
 * The file name a Content-Disposition header gives, safe to use as one: without any directory part (a
 * name is not a path) or control characters (NUL, line breaks), and never `.` or `..`; undefined when it
 * gives none.
 *
 * ```ts
 * fileNameFromContentDisposition(`attachment; filename="a.xlsx"; filename*=UTF-8''%E5%B7%A5%E5%8D%95.xlsx`) // '工单.xlsx'
 * ```
 */
export function fileNameFromContentDisposition(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  let plain: string | undefined;
  let extended: string | undefined;
  for (const [, rawName = '', rawValue = ''] of header.replace(/^[^;]*/, '').matchAll(PARAMETER)) {
    const name = rawName.toLowerCase();
    const value = rawValue.trim();
    if (name === 'filename*') extended ??= decodeExtValue(value);
    else if (name === 'filename') plain ??= value.startsWith('"') ? value.slice(1, -1).replace(/\\(.)/g, '$1') : value;
  }
  return safeFileName(extended ?? plain);
}

/** The last path segment of `name`, without control characters; undefined when nothing usable is left. */
function safeFileName(name: string | undefined): string | undefined {
  const base = name
    ?.split(/[/\\]/)
    .pop()
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}

/** RFC 8187 ext-value: `UTF-8''%E2%82%AC.txt` or `ISO-8859-1'en'%A3.txt`; undefined when malformed. */
function decodeExtValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const [, charset = '', encoded = ''] = match;
  try {
    if (charset.toLowerCase() === 'utf-8') return decodeURIComponent(encoded);
    if (charset.toLowerCase() === 'iso-8859-1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    }
  } catch {
    // Invalid UTF-8 percent-encoding: fall back to `filename`.
  }
  return undefined;
}
