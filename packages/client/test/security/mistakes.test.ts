// Every request-time mistake is an OsmRequestError naming the field, thrown before anything is sent:
// path values that are not strings or finite numbers, lone surrogates (no UTF-8 form, so encodeURIComponent
// would throw a bare URIError), header names that are not tokens (CR/LF would make fetch throw a TypeError
// quoting them), bodies that cannot be serialized, and options out of range.
import { describe, expect, test } from 'vitest';
import { createOsmClient, OsmRequestError } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';
import { expectNothingLeaks, SECRETS } from './secrets.js';

const STATUS = '/v2/servicerequest/cases/{case_id}/status';

async function refusal(call: (client: ReturnType<typeof createOsmClient>) => Promise<unknown>) {
  const fake = fakeFetch(() => json({}));
  const client = createOsmClient({ fetch: fake.fetch, auth: { token: SECRETS.token }, retry: false });
  const error = await call(client).catch((thrown: unknown) => thrown);
  expect(fake.requests).toHaveLength(0);
  expect(error).toBeInstanceOf(OsmRequestError);
  expectNothingLeaks(error);
  return error as OsmRequestError;
}

describe('a path value that is neither a string nor a finite number', () => {
  test.each([
    ['an object', {}, 'an object'],
    ['an array', ['CS1'], 'an array'],
    ['a boolean', true, 'a boolean'],
    ['NaN', Number.NaN, 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'Infinity'],
    ['a bigint', 1n, 'a bigint'],
    ['a function', () => 'CS1', 'a function'],
  ])('%s: refused, naming it', async (_, value, described) => {
    const error = await refusal((client) => client.GET(STATUS, { params: { path: { case_id: value as never } } }));
    expect(error.parameter).toBe('case_id');
    expect(error.message).toBe(`path parameter case_id must be a string or a finite number, not ${described}`);
  });

  test('a number is sent as its digits', async () => {
    const fake = fakeFetch(() => json({ status: 0 }));
    await createOsmClient({ fetch: fake.fetch }).GET(STATUS, { params: { path: { case_id: 42 as never } } });
    expect(new URL(fake.requests[0]!.url).pathname).toBe('/v2/servicerequest/cases/42/status');
  });
});

describe('a lone UTF-16 surrogate', () => {
  test.each([
    [
      'a high surrogate in a path value',
      (client: ReturnType<typeof createOsmClient>) => client.GET(STATUS, { params: { path: { case_id: 'CS\uD800' } } }),
      'case_id',
    ],
    [
      'a low surrogate in a path value',
      (client: ReturnType<typeof createOsmClient>) => client.GET(STATUS, { params: { path: { case_id: '\uDC00CS' } } }),
      'case_id',
    ],
    [
      'a query value',
      (client: ReturnType<typeof createOsmClient>) =>
        client.GET('/v2/servicerequest/cases', { params: { query: { search_key: ['ok', 'x\uD83D'] } } }),
      'search_key',
    ],
  ])('in %s: refused, naming the parameter', async (_, call, parameter) => {
    const error = await refusal(call);
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(/has a lone UTF-16 surrogate, which has no UTF-8 form to send$/);
  });

  test('a whole surrogate pair (an emoji) is sent, percent-encoded', async () => {
    const fake = fakeFetch(() => json({ status: 0 }));
    await createOsmClient({ fetch: fake.fetch }).GET(STATUS, { params: { path: { case_id: 'CS\u{1F600}' } } });
    expect(new URL(fake.requests[0]!.url).pathname).toBe('/v2/servicerequest/cases/CS%F0%9F%98%80/status');
  });
});

test.each([
  ['CR LF', 'X-Note\r\nX-Injected'],
  ['a space', 'X Note'],
  ['a colon', 'X-Note:'],
  ['nothing', ''],
])('a header name with %s: refused, naming what it starts with', async (_, name) => {
  const error = await refusal((client) => client.GET('/v2/servicerequest/labels', { headers: { [name]: 'v' } }));
  expect(error.message).toBe('a header name has characters a header name cannot carry');
  expect(error.parameter).toBe(/^[\w-]*/.exec(name)?.[0]);
});

test.each([
  [
    'a cycle',
    () => {
      const body: Record<string, unknown> = {};
      body.self = body;
      return body;
    },
  ],
  ['a BigInt', () => ({ limit: 1n })],
])('a body with %s: refused as body', async (_, makeBody) => {
  const error = await refusal((client) => client.POST('/v2/servicerequest/labels', { body: makeBody() as never }));
  expect(error.parameter).toBe('body');
  expect(error.message).toMatch(/^body cannot be serialized: /);
});

describe('options out of range', () => {
  test.each([
    ['timeoutMs', { timeoutMs: 3_000_000_000 }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
    ['maxJsonBytes', { maxJsonBytes: -1 }],
    ['maxFileBytes', { maxFileBytes: '1' }],
    ['retry.attempts', { retry: { attempts: Number.POSITIVE_INFINITY } }],
    ['retry.attempts', { retry: { attempts: 0 } }],
    ['retry.attempts', { retry: { attempts: 11 } }],
    ['retry.attempts', { retry: { attempts: 2.5 } }],
    ['retry.baseDelayMs', { retry: { baseDelayMs: -5 } }],
    ['retry.maxDelayMs', { retry: { maxDelayMs: Number.POSITIVE_INFINITY } }],
    ['retry.maxElapsedMs', { retry: { maxElapsedMs: Number.NaN } }],
  ])('%s: refused when the client is made (%o)', (name, options) => {
    expect(() => createOsmClient(options as never)).toThrow(OsmRequestError);
    expect(() => createOsmClient(options as never)).toThrow(expect.objectContaining({ parameter: name }));
  });

  test('per call too: timeoutMs, maxBodyBytes and retry are checked before sending', async () => {
    expect((await refusal((client) => client.GET('/v2/servicerequest/labels', { timeoutMs: 2 ** 31 }))).parameter).toBe('timeoutMs');
    expect((await refusal((client) => client.GET('/v2/servicerequest/labels', { maxBodyBytes: -1 }))).parameter).toBe('maxBodyBytes');
    expect((await refusal((client) => client.GET('/v2/servicerequest/labels', { retry: { attempts: 100 } }))).parameter).toBe(
      'retry.attempts',
    );
  });

  test('Infinity is "none" for timeoutMs, the body limits and maxElapsedMs', () => {
    const infinite = Number.POSITIVE_INFINITY;
    expect(() =>
      createOsmClient({ timeoutMs: infinite, maxJsonBytes: infinite, maxFileBytes: infinite, retry: { maxElapsedMs: infinite } }),
    ).not.toThrow();
  });
});
