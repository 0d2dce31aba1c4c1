// Puts one api-smart-diff change into words a consumer of the API understands: what changed (the request
// body field, the query parameter, the response field), how, and - when it breaks - for whom.
import { parameterAt } from './document-path.mjs';

const DOC_KEYWORDS = new Set(['description', 'summary', 'title', 'example', 'examples', 'externalDocs', 'tags', 'x-enumDescriptions']);

/** `value` as inline code: strings bare, everything else as JSON. */
function code(value) {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** A dotted field name from schema path segments: `properties.a.items.properties.b` -> `a[].b`. */
function fieldName(segments) {
  return segments.reduce((name, s) => (s === '[]' ? `${name}[]` : name ? `${name}.${s}` : s), '');
}

/**
 * Splits a path inside a schema into the field it is about and the keyword that changed.
 * @returns {{ fields: string[], keyword: string | null, rest: (string | number)[] }}
 */
function schemaTarget(segments) {
  const fields = [];
  let i = 0;
  while (i < segments.length) {
    const key = segments[i];
    const isLast = i === segments.length - 1;
    if (key === 'properties' && !isLast) {
      if (i + 1 === segments.length - 1) return { fields, keyword: 'properties', rest: [segments[i + 1]] };
      fields.push(String(segments[i + 1]));
      i += 2;
    } else if (key === 'items' && !isLast) {
      fields.push('[]');
      i += 1;
    } else if (key === 'additionalProperties' && !isLast) {
      fields.push('*');
      i += 1;
    } else if (['anyOf', 'oneOf', 'allOf'].includes(key) && typeof segments[i + 1] === 'number' && i + 1 < segments.length - 1) {
      i += 2; // a variant of a union: the field names go on inside it
    } else {
      return { fields, keyword: key, rest: segments.slice(i + 1) };
    }
  }
  return { fields, keyword: null, rest: [] };
}

/** Who a breaking change breaks, by what happened and on which side of the exchange. */
function consequence(effect, side) {
  const request = side === 'request';
  switch (effect) {
    case 'operation-removed':
      return 'breaking for callers of it';
    case 'removed':
      return request ? 'breaking for callers that send it' : 'breaking for code that reads it';
    case 'required':
      return 'breaking for callers that omit it';
    case 'optional':
      return 'breaking for code that expects it to be there';
    case 'values-removed':
      return request ? 'breaking for callers that send it' : 'breaking for code that reads it';
    case 'values-added':
      return request ? 'breaking for existing callers' : 'breaking for code that handles only the listed values';
    case 'type':
      return request ? 'breaking for callers that send the old type' : 'breaking for code that reads it';
    default:
      return request ? 'breaking for existing callers' : 'breaking for code that reads it';
  }
}

/** Words for a change to a keyword that needs no special phrasing (constraints, format, default...). */
function keywordChange(keyword, diff) {
  if (diff.action === 'replace') return `${code(keyword)} changed from ${code(diff.before)} to ${code(diff.after)}`;
  if (diff.action === 'add') return `now has ${code(keyword)} ${code(diff.after)}`;
  return `no longer has ${code(keyword)} ${code(diff.before)}`;
}

/**
 * A change inside a schema (of a request body, a response or a parameter).
 * @param {string} base e.g. "request body", "response 200", "query parameter `limit`"
 * @param {boolean} isBody whether fields are "fields" of a body (else items of a parameter's value)
 */
function describeSchemaChange(diff, segments, base, side) {
  const { fields, keyword, rest } = schemaTarget(segments);
  const subject = (names) => {
    const name = fieldName(names);
    if (!name) return side === 'response' ? `${base} body` : base;
    return base.includes('parameter') ? `${base}, item ${code(name)}` : `${base} field ${code(name)}`;
  };
  const value = diff.action === 'remove' ? diff.before : diff.after;
  if (keyword === 'properties') {
    const added = diff.action === 'add';
    return {
      subject: subject([...fields, String(rest[0])]),
      what: added ? 'was added' : 'was removed',
      effect: added ? 'added' : 'removed',
      category: added ? 'added' : 'removed',
    };
  }
  if (keyword === 'required') {
    const names = rest.length ? [value] : Array.isArray(value) ? value : [];
    const becameRequired = diff.action === 'add' || (diff.action === 'replace' && rest.length > 0);
    return {
      subject: names.length === 1 ? subject([...fields, String(names[0])]) : subject(fields),
      what: `${becameRequired ? 'became required' : 'became optional'}${names.length > 1 ? `: ${names.map(code).join(', ')}` : ''}`,
      effect: becameRequired ? (side === 'response' ? 'added' : 'required') : side === 'response' ? 'optional' : 'added',
      category: 'changed',
    };
  }
  if (keyword === 'enum') {
    const request = side !== 'response';
    if (rest.length === 0) {
      return diff.action === 'add'
        ? {
            subject: subject(fields),
            what: `is now limited to ${diff.after.map(code).join(', ')}`,
            effect: 'values-removed',
            category: 'changed',
          }
        : { subject: subject(fields), what: 'is no longer limited to a fixed list of values', effect: 'values-added', category: 'changed' };
    }
    if (diff.action === 'replace') {
      return {
        subject: subject(fields),
        what: `allows ${code(diff.after)} instead of ${code(diff.before)}`,
        effect: 'values-removed',
        category: 'changed',
      };
    }
    const added = diff.action === 'add';
    const what = added
      ? request
        ? `now also accepts ${code(value)}`
        : `may now be ${code(value)}`
      : request
        ? `no longer accepts ${code(value)}`
        : `can no longer be ${code(value)}`;
    return { subject: subject(fields), what, effect: added ? 'values-added' : 'values-removed', category: 'changed' };
  }
  if (keyword === 'type' && diff.action === 'replace') {
    return {
      subject: subject(fields),
      what: `changed type from ${code(diff.before)} to ${code(diff.after)}`,
      effect: 'type',
      category: 'changed',
    };
  }
  if (keyword === 'deprecated') {
    return {
      subject: subject(fields),
      what: diff.after ? 'was deprecated' : 'is no longer deprecated',
      effect: 'changed',
      category: diff.after ? 'deprecated' : 'changed',
    };
  }
  if (keyword === 'nullable') {
    return {
      subject: subject(fields),
      what: diff.after ? 'may now be null' : 'can no longer be null',
      effect: 'values-removed',
      category: 'changed',
    };
  }
  if (keyword === null) {
    return {
      subject: subject(fields),
      what: diff.action === 'add' ? 'got a schema' : diff.action === 'remove' ? 'lost its schema' : 'changed its schema',
      effect: 'changed',
      category: 'changed',
    };
  }
  if (DOC_KEYWORDS.has(keyword) || keyword.startsWith('x-')) {
    return { subject: subject(fields), what: `${keyword} changed`, effect: 'changed', category: 'changed' };
  }
  return { subject: subject(fields), what: keywordChange([keyword, ...rest].join('.'), diff), effect: 'changed', category: 'changed' };
}

/** A change to an operation: the operation itself, a parameter, the request body or a response. */
function describeOperationChange(diff, { before, after }) {
  const [, url, method, part, ...rest] = diff.path;
  const added = diff.action === 'add';
  if (part === undefined) {
    return {
      subject: 'the operation',
      what: added ? 'was added' : 'was removed',
      effect: added ? 'added' : 'operation-removed',
      category: added ? 'added' : 'removed',
      side: 'request',
    };
  }
  if (part === 'deprecated') {
    const now = diff.action !== 'remove' && diff.after === true;
    return {
      subject: 'the operation',
      what: now ? 'was deprecated' : 'is no longer deprecated',
      effect: 'changed',
      category: now ? 'deprecated' : 'changed',
      side: 'request',
    };
  }
  if (part === 'parameters') {
    const [index, key, ...inner] = rest;
    const document = added && key === undefined ? after : before;
    const parameter = parameterAt(document, url, method, index) ?? {};
    const base = parameter.in === 'header' ? `header ${code(parameter.name)}` : `${parameter.in} parameter ${code(parameter.name)}`;
    if (key === undefined) {
      return {
        subject: base,
        what: added ? `was added${parameter.required ? ', required' : ''}` : 'was removed',
        effect: added ? 'required' : 'removed',
        category: added ? 'added' : 'removed',
        side: 'request',
      };
    }
    if (key === 'required') {
      const now = diff.action !== 'remove' && diff.after === true;
      return {
        subject: base,
        what: now ? 'became required' : 'became optional',
        effect: now ? 'required' : 'added',
        category: 'changed',
        side: 'request',
      };
    }
    if (key === 'schema') return { ...describeSchemaChange(diff, inner, base, 'request'), side: 'request' };
    if (key === 'deprecated')
      return {
        subject: base,
        what: diff.after ? 'was deprecated' : 'is no longer deprecated',
        effect: 'changed',
        category: diff.after ? 'deprecated' : 'changed',
        side: 'request',
      };
    if (DOC_KEYWORDS.has(key)) return { subject: base, what: `${key} changed`, effect: 'changed', category: 'changed', side: 'request' };
    return { subject: base, what: keywordChange(key, diff), effect: 'changed', category: 'changed', side: 'request' };
  }
  if (part === 'requestBody' || part === 'responses') {
    const side = part === 'requestBody' ? 'request' : 'response';
    const [status, ...afterStatus] = side === 'response' ? rest : [null, ...rest];
    const base = side === 'request' ? 'request body' : `response ${status}`;
    const [key, mediaType, inner, ...schemaPath] = afterStatus;
    if (key === undefined) {
      return {
        subject: base,
        what: added ? 'was added' : 'was removed',
        effect: added ? 'added' : 'removed',
        category: added ? 'added' : 'removed',
        side,
      };
    }
    if (key === 'content' && mediaType !== undefined && inner === 'schema')
      return { ...describeSchemaChange(diff, schemaPath, base, side), side };
    if (key === 'content' && mediaType !== undefined && inner === undefined) {
      return {
        subject: `${base} as ${code(mediaType)}`,
        what: added ? 'was added' : 'was removed',
        effect: added ? 'added' : 'removed',
        category: added ? 'added' : 'removed',
        side,
      };
    }
    if (key === 'required') {
      const now = diff.action !== 'remove' && diff.after === true;
      return {
        subject: base,
        what: now ? 'became required' : 'became optional',
        effect: now ? 'required' : 'added',
        category: 'changed',
        side,
      };
    }
    const keyword = [key, mediaType, inner].filter((s) => s !== undefined).at(-1);
    return {
      subject: base,
      what: DOC_KEYWORDS.has(keyword) ? `${keyword} changed` : keywordChange(afterStatus.join('.'), diff),
      effect: 'changed',
      category: 'changed',
      side,
    };
  }
  if (part === 'security')
    return { subject: 'the authentication it accepts', what: 'changed', effect: 'changed', category: 'changed', side: 'request' };
  if (DOC_KEYWORDS.has(part) || String(part).startsWith('x-'))
    return { subject: `the operation's ${part}`, what: 'changed', effect: 'changed', category: 'changed', side: 'request' };
  return {
    subject: `the operation's ${code(part)}`,
    what: keywordChange([part, ...rest].join('.'), diff),
    effect: 'changed',
    category: 'changed',
    side: 'request',
  };
}

/** A change outside the operations: security schemes, global security, servers, info, tags. */
function describeApiWideChange(diff) {
  const [top, ...rest] = diff.path;
  const changed = (subject, keyPath) => ({
    subject,
    what: keyPath.length
      ? keywordChange(keyPath.join('.'), diff)
      : diff.action === 'add'
        ? 'was added'
        : diff.action === 'remove'
          ? 'was removed'
          : 'changed',
    effect: diff.action === 'remove' ? 'removed' : 'changed',
    category: keyPath.length === 0 && diff.action !== 'replace' ? (diff.action === 'add' ? 'added' : 'removed') : 'changed',
    side: 'request',
  });
  if (top === 'components') {
    const [, name, ...keyPath] = rest;
    const keyword = keyPath.at(-1);
    if (DOC_KEYWORDS.has(keyword))
      return {
        subject: `security scheme ${code(name)}`,
        what: `${keyword} changed`,
        effect: 'changed',
        category: 'changed',
        side: 'request',
      };
    return changed(`security scheme ${code(name)}`, keyPath);
  }
  if (top === 'security')
    return { subject: 'the authentication the API accepts', what: 'changed', effect: 'changed', category: 'changed', side: 'request' };
  if (top === 'servers') return { subject: 'the server list', what: 'changed', effect: 'changed', category: 'changed', side: 'request' };
  if (top === 'info' && rest.length === 1 && rest[0] !== 'description') return changed("the API's info", rest);
  return {
    subject: `the API's ${top}${rest.length ? ` (${rest.join('.')})` : ''}`,
    what: 'changed',
    effect: 'changed',
    category: 'changed',
    side: 'request',
  };
}

/**
 * Describes one change.
 * @param {{ action: string, path: (string|number)[], before?: unknown, after?: unknown }} diff from api-smart-diff
 * @param {{ before: object, after: object, breaking: boolean }} context both documents, and the class decided
 * @returns {{ text: string, category: 'added' | 'changed' | 'deprecated' | 'removed' }}
 */
export function describeChange(diff, { before, after, breaking }) {
  const described = diff.path[0] === 'paths' ? describeOperationChange(diff, { before, after }) : describeApiWideChange(diff);
  const joiner = described.what.startsWith('`') ? ': ' : ' ';
  const text = `${described.subject}${joiner}${described.what}${breaking ? ` — ${consequence(described.effect, described.side)}` : ''}`;
  return { text, category: described.category };
}
