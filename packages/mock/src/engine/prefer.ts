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

/** Splits `text` at `separator`, except inside double quotes; a last part with an open quote is dropped. */
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
  if (!quoted) parts.push(text.slice(start));
  return parts;
}

/** `-co_de` -> `coDe`: Prism names preferences by lodash's camelCase of the lower-cased token. */
function camelCase(name: string): string {
  const words = name.split(/[^a-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i ? w[0]!.toUpperCase() + w.slice(1) : w)).join('');
}

/**
 * The preferences of a header as name/value pairs, the first of a name winning. A preference's own
 * parameters (`code=200; example=x`) are named after it (`codeExample`), so they are no preferences
 * of their own; a name without a value is a flag. The mock's own preferences (fault-preferences.ts)
 * are read from the same pairs.
 */
export function pairs(header: string): Map<string, string | true> {
  const found = new Map<string, string | true>();
  for (const preference of split(header, ',')) {
    let base: string | undefined;
    for (const segment of split(preference, ';')) {
      const equals = segment.indexOf('=');
      const token = (equals < 0 ? segment : segment.slice(0, equals)).trim().toLowerCase();
      let value = equals < 0 ? '' : segment.slice(equals + 1).trim();
      if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      const name = camelCase(base === undefined ? token : `${base}-${token}`);
      base ??= token;
      if (!found.has(name)) found.set(name, value === '' ? true : value);
    }
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
