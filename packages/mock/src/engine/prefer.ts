// The `Prefer` header, read the way Prism's HTTP server reads it (`code=401, example=unauthorized`;
// `dynamic` and `seed` too), but without Prism's server module: test/prism-parity/ checks that both
// read the same header the same way.

/** The choices of one `Prefer` header; `invalid` names what could not be read. */
export interface ParsedPrefer {
  code?: number;
  example?: string;
  dynamic?: boolean;
  seed?: string;
  invalid: string[];
}

/** Splits `text` at `separator`, except inside double quotes. */
function split(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * The preferences of a header as name/value pairs, the first of a name winning. A preference's own
 * parameters (after `;`) are not preferences; a name without `=` (or with an empty value) is a flag.
 */
function pairs(header: string): Map<string, string | true> {
  const found = new Map<string, string | true>();
  for (const preference of split(header, ',')) {
    const token = split(preference, ';')[0] ?? '';
    const equals = token.indexOf('=');
    const name = (equals < 0 ? token : token.slice(0, equals)).trim().toLowerCase();
    let value = equals < 0 ? '' : token.slice(equals + 1).trim();
    if (value.length > 1 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    if (name && !found.has(name)) found.set(name, value === '' ? true : value);
  }
  return found;
}

/** Reads a `Prefer` header. Names other than `code`, `example`, `dynamic` and `seed` are ignored. */
export function parsePrefer(header: string | undefined): ParsedPrefer {
  const parsed: ParsedPrefer = { invalid: [] };
  if (!header) return parsed;
  for (const [name, value] of pairs(header)) {
    const shown = value === true ? name : `${name}=${value}`;
    if (name === 'code') {
      if (value !== true && /^\d{3}$/.test(value)) parsed.code = Number(value);
      else parsed.invalid.push(`${shown}: must be a three-digit HTTP status`);
    } else if (name === 'dynamic') {
      if (value === 'true' || value === 'false') parsed.dynamic = value === 'true';
      else parsed.invalid.push(`${shown}: must be true or false`);
    } else if (name === 'example' || name === 'seed') {
      if (value === true) parsed.invalid.push(`${name}: needs a value`);
      else parsed[name] = value;
    }
  }
  return parsed;
}
