// The requests of the bounded fuzz: a valid request of an operation (from the spec's examples), then
// one mutation of it - the kinds of input issues 14 and 24 list. Built from a plan that fast-check draws,
// so a failure shrinks to a small plan and repeats from the seed.
import fc from 'fast-check';
import { encodeForm, FORM_STYLES, type FormEntry } from '../support/form-styles.js';
import { deref, type ParameterObject, type SpecOperation, validRequest } from '../support/spec-operations.js';

/** A request as sent: method, raw path with query, headers, body. */
export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const MIB = 1024 * 1024;
const odd = fc.constantFrom(
  '%2F',
  '..',
  '.',
  '%00',
  '%zz',
  '%',
  '%E9',
  '%C0%AF',
  '%F0%9F%98%80',
  'caf%C3%A9',
  '%2e%2e',
  'a%2Fb',
  '%20',
  '+',
  '%3B',
);
const word = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', '9', '-', '_', '.', '~', '%', '"', ',', ';', '=', ' ', '*', '/', '\u00e9'),
  maxLength: 12,
});
const preferValue = fc.oneof(
  fc.constantFrom(
    'code=999',
    'code=200, example=badRequest',
    'code=abc',
    'example=nope',
    'code=401',
    'code=500',
    'code=502',
    'dynamic=maybe',
    'example',
    'code=204',
    'code=100',
    'example=businessError',
  ),
  word,
);
const acceptValue = fc.oneof(
  fc.constantFrom('application/xml', 'text/html', 'image/png', '*/*;q=0', 'application/json;q=0, */*', 'image/*', ''),
  word,
);

/** One mutation of a valid request. */
export type Mutation =
  | { kind: 'none' }
  | { kind: 'drop-parameter' | 'drop-field'; index: number }
  | { kind: 'parameter-value'; index: number; value: string }
  | { kind: 'field-value'; index: number; value: unknown }
  | { kind: 'path-segment'; value: string }
  | { kind: 'array-repeated'; count: number; item: string }
  | { kind: 'body'; contentType: string; text: string }
  | { kind: 'huge-body'; bytes: number }
  | { kind: 'long-url'; bytes: number }
  | { kind: 'header'; name: string; value: string }
  | { kind: 'no-token' }
  | { kind: 'form'; style: number; partType: boolean }
  | { kind: 'null-body' }
  | { kind: 'deep-body'; depth: number };

const json = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 7 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Values that break the usual rules of a parameter or field: types, ranges, lengths, enums. */
const badValue = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '-1',
    '0x10',
    ' 1',
    '1e1',
    '1.5',
    '2147483648',
    '9223372036854775808',
    '99999999999999999999',
    'true',
    'null',
    '[]',
    '{}',
    'x'.repeat(65),
    'x'.repeat(5001),
  ),
  fc.integer({ min: 1, max: 6 }).map((n) => 'x'.repeat(10 ** n)),
  word,
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop-parameter' as const), index: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('drop-field' as const), index: fc.nat(20) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('parameter-value' as const), index: fc.nat(20), value: badValue }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('field-value' as const), index: fc.nat(20), value: fc.oneof(json, badValue) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('path-segment' as const),
      value: fc.oneof(
        odd,
        fc.array(odd, { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('array-repeated' as const),
      count: fc.integer({ min: 0, max: 8 }),
      item: fc.oneof(fc.constantFrom('1', '-1', 'x', '', '2147483648'), word),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('body' as const),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
        'multipart/form-data',
        'application/x-www-form-urlencoded',
        'application/xml',
        'application/json; charset=latin1',
      ),
      text: fc.oneof(
        fc.constantFrom(
          '{',
          '{"a":',
          '[]',
          'null',
          '1',
          '"x"',
          '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc\r\n--x--',
          '--x\r\n\r\n',
          'a=b&c',
          '<a/>',
        ),
        fc.string({ maxLength: 40 }),
      ),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge-body' as const), bytes: fc.constantFrom(10 * MIB + 1, 11 * MIB) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-url' as const), bytes: fc.constantFrom(8 * 1024, 17 * 1024, 64 * 1024) }) },
  {
    weight: 4,
    arbitrary: fc.oneof(
      fc.record({ kind: fc.constant('header' as const), name: fc.constant('Prefer'), value: preferValue }),
      fc.record({ kind: fc.constant('header' as const), name: fc.constant('Accept'), value: acceptValue }),
      fc.record({
        kind: fc.constant('header' as const),
        name: fc.constantFrom('Content-Encoding', 'X-Language', 'X-Site', 'X-Time-Zone', 'X-Auth-Token', 'Origin'),
        value: badValue,
      }),
    ),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'no-token' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('form' as const), style: fc.nat(FORM_STYLES.length - 1), partType: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'null-body' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deep-body' as const), depth: fc.constantFrom(33, 2000, 100_000) }) },
);

/** The parts of a form body as the fuzz re-encodes them (files keep their name; their type is the mutation's). */
async function formEntries(form: FormData, partType: boolean): Promise<FormEntry[]> {
  const entries: FormEntry[] = [];
  for (const [name, value] of form) {
    entries.push({
      name,
      value:
        typeof value === 'string'
          ? value
          : { filename: value.name, ...(partType ? { type: value.type } : {}), bytes: new Uint8Array(await value.arrayBuffer()) },
    });
  }
  return entries;
}

/** An upload of one file, for operations that take no form (an odd content type for them). */
const ANY_FORM: FormEntry[] = [
  { name: 'file', value: { filename: 'a.txt', bytes: new TextEncoder().encode('hello') } },
  { name: 'form_data', value: '{}' },
];

/** Percent-encodes what an HTTP request line cannot carry (spaces, non-ASCII), leaving `%` as it is. */
function sendable(text: string): string {
  return text.replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** The body of a valid request as bytes, and as an object when it is JSON. */
async function bodyOf(init: RequestInit): Promise<{ bytes?: Buffer; contentType?: string; json?: Record<string, unknown> }> {
  if (init.body === undefined || init.body === null) return {};
  const request = new Request('http://fuzz.test/', { method: 'POST', body: init.body, headers: init.headers });
  const bytes = Buffer.from(await request.arrayBuffer());
  const contentType = request.headers.get('content-type') ?? undefined;
  return {
    bytes,
    contentType,
    json: contentType?.includes('json') ? (JSON.parse(bytes.toString()) as Record<string, unknown>) : undefined,
  };
}

/** Builds the request of `entry` with `change` applied. */
export async function buildRequest(entry: SpecOperation, change: Mutation): Promise<FuzzRequest> {
  const { url, init } = validRequest(entry);
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  const body = await bodyOf(init);
  if (body.contentType) headers['Content-Type'] = body.contentType;
  let [path = '/', query = ''] = url.split('?');
  const params = new URLSearchParams(query);
  let bytes = body.bytes;
  const parameters = (entry.operation.parameters ?? []).map(deref) as ParameterObject[];
  const fields = Object.keys(body.json ?? {});

  switch (change.kind) {
    case 'drop-parameter': {
      const p = parameters[change.index % Math.max(parameters.length, 1)];
      if (p?.in === 'query') params.delete(p.name);
      if (p?.in === 'header') delete headers[p.name];
      break;
    }
    case 'parameter-value': {
      const p = parameters[change.index % Math.max(parameters.length, 1)];
      if (p?.in === 'query') params.set(p.name, change.value);
      if (p?.in === 'header') headers[p.name] = change.value.slice(0, 8000);
      if (p?.in === 'path') {
        const segments = path.split('/');
        segments[entry.path.split('/').indexOf(`{${p.name}}`)] = encodeURIComponent(change.value).slice(0, 4000);
        path = segments.join('/');
      }
      break;
    }
    case 'drop-field':
    case 'field-value': {
      if (body.json && fields.length) {
        const name = fields[change.index % fields.length]!;
        const copy = { ...body.json };
        if (change.kind === 'drop-field') delete copy[name];
        else if (change.kind === 'field-value') copy[name] = change.value;
        bytes = Buffer.from(JSON.stringify(copy));
      }
      break;
    }
    case 'path-segment': {
      // Replaces the first path parameter's value (or appends a segment when there is none).
      const template = entry.path.split('/');
      const index = template.findIndex((s) => s.startsWith('{'));
      const segments = path.split('/');
      if (index >= 0) segments[index] = change.value;
      else segments.push(change.value);
      path = segments.join('/');
      break;
    }
    case 'array-repeated': {
      const array = parameters.find((p) => p.in === 'query' && deref(p.schema ?? {}).type === 'array');
      if (array) {
        params.delete(array.name);
        for (let i = 0; i < change.count; i++) params.append(array.name, change.item);
      }
      break;
    }
    case 'body':
      headers['Content-Type'] = change.contentType;
      bytes = Buffer.from(change.text);
      break;
    case 'huge-body':
      headers['Content-Type'] = headers['Content-Type'] ?? 'application/json';
      bytes = Buffer.alloc(change.bytes, 0x20);
      break;
    case 'long-url':
      params.append('padding', 'p'.repeat(change.bytes));
      break;
    case 'header':
      headers[change.name] = change.value;
      break;
    case 'no-token':
      delete headers['X-Auth-Token'];
      break;
    case 'form': {
      const entries = init.body instanceof FormData ? await formEntries(init.body, change.partType) : ANY_FORM;
      const style = FORM_STYLES[change.style]!;
      const form = encodeForm(entries, { ...style, partTypes: style.partTypes && change.partType });
      headers['Content-Type'] = form.contentType;
      bytes = form.body;
      break;
    }
    case 'null-body':
      headers['Content-Type'] = 'application/json';
      bytes = Buffer.from('null');
      break;
    case 'deep-body':
      headers['Content-Type'] = 'application/json';
      bytes = Buffer.from(`${'{"a":['.repeat(change.depth)}1${']}'.repeat(change.depth)}`);
      break;
  }
  const search = params.toString();
  return {
    method: entry.method.toUpperCase(),
    path: sendable(search ? `${path}?${search}` : path),
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, sendable(v)])),
    body: bytes,
  };
}
