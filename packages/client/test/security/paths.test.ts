// Finding 4 of the security review: a path parameter stays inside its segment. `.`, `..`, empty and
// missing values are refused before anything is sent (`cases/../labels` is another operation, which
// AK/SK would sign as valid); everything else is percent-encoded.
import { describe, expect, test } from 'vitest';
import { akSkAuth, createOsmClient, OsmRequestError } from '../../src/index.js';
import { useLoopback } from './loopback.js';

const server = useLoopback();

const client = () =>
  createOsmClient({ baseUrl: server().origin, auth: akSkAuth({ accessKey: 'AK', secretKey: 'SK', domainId: 'd' }), retry: false });

describe.each([
  ['..', '..'],
  ['.', '.'],
  ['empty', ''],
  ['undefined', undefined],
  ['null', null],
])('a path parameter that is %s', (_, value) => {
  test('is refused before sending: OsmRequestError naming the parameter', async () => {
    const error = await client()
      .POST('/v2/servicerequest/cases/{case_id}/labels', { params: { path: { case_id: value as string }, query: { label_ids: [1] } } })
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OsmRequestError);
    expect(error).toMatchObject({ parameter: 'case_id' });
    expect((error as Error).message).toMatch(/^path parameter case_id (is missing|must not be empty, "\." or "\.\.")$/);
    expect(server().received).toHaveLength(0);
  });
});

test('path parameters missing altogether are refused, not sent as the literal {case_id}', async () => {
  const error = await client()
    .GET('/v2/servicerequest/cases/{case_id}/status', {} as never)
    .catch((thrown: unknown) => thrown);
  expect(error).toMatchObject({ name: 'OsmRequestError', parameter: 'case_id' });
  expect(server().received).toHaveLength(0);
});

test.each([
  ['...', '...'],
  ['a/../b', 'a%2F..%2Fb'],
  ['../labels', '..%2Flabels'],
  ['%2e%2e', '%252e%252e'],
  ['工单 1', '%E5%B7%A5%E5%8D%95%201'],
  [0, '0'],
])('%j is sent percent-encoded inside its segment', async (value, sent) => {
  const { error } = await client().GET('/v2/servicerequest/cases/{case_id}/status', { params: { path: { case_id: value as string } } });
  expect(error).toBeUndefined();
  expect(server().received[0]?.url).toBe(`/v2/servicerequest/cases/${sent}/status`);
});
