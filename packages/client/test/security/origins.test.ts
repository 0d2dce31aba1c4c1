// Credentials go to the client's origin only, however the URL of a call is formed: a per-call baseUrl
// elsewhere, a path that moves the host (`@host/...`), a base URL with credentials in it. With an auth
// such a call throws OsmRequestError naming baseUrl, and nothing reaches either server; without one,
// there is nothing to leak and the call goes where it was told.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { akSkAuth, createOsmClient, iamPasswordAuth, type OsmAuthOption, OsmRequestError } from '../../src/index.js';
import { type LoopbackServer, sendJson, startLoopback } from './loopback.js';
import { expectNothingLeaks, SECRETS } from './secrets.js';

let osm: LoopbackServer;
let elsewhere: LoopbackServer;
let iam: LoopbackServer;
beforeAll(async () => {
  [osm, elsewhere, iam] = await Promise.all([startLoopback(), startLoopback(), startLoopback()]);
  iam.handle((_, response) => sendJson(response, 201, { token: {} }, { 'X-Subject-Token': SECRETS.iamToken }));
});
beforeEach(() => {
  for (const server of [osm, elsewhere, iam]) server.received.splice(0);
});
afterAll(() => Promise.all([osm.close(), elsewhere.close(), iam.close()]));

const AUTHS: [string, () => OsmAuthOption][] = [
  ['token', () => ({ token: SECRETS.token })],
  ['AK/SK', () => akSkAuth({ accessKey: 'AK', secretKey: SECRETS.secretKey, domainId: 'd', securityToken: SECRETS.securityToken })],
  ['IAM password', () => iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', endpoint: iam.origin })],
];

/** Ways a call's URL can leave the client's origin, given where "elsewhere" is. */
const OTHER_URLS: [string, (other: URL) => [path: string, init: Record<string, unknown>]][] = [
  ['a per-call baseUrl', (other) => ['/v2/servicerequest/labels', { baseUrl: other.origin }]],
  ['a per-call baseUrl with a trailing slash and a path', (other) => ['/v2/servicerequest/labels', { baseUrl: `${other.origin}/osm/` }]],
  ['a path that makes the origin userinfo', (other) => [`@${other.host}/v2/servicerequest/labels`, {}]],
  ['a path with another scheme and host in it', (other) => [`.evil:${other.port}/v2/servicerequest/labels`, {}]],
  ['an absolute URL as the path', (other) => [`${other.origin}/v2/servicerequest/labels`, {}]],
  ['an absolute URL as the path, with an empty per-call baseUrl', (other) => [`${other.origin}/v2/servicerequest/labels`, { baseUrl: '' }]],
];

describe.each(AUTHS)('with %s auth', (_, makeAuth) => {
  test.each(OTHER_URLS)('%s: OsmRequestError naming baseUrl, nothing sent anywhere', async (__, make) => {
    const client = createOsmClient({ baseUrl: osm.origin, auth: makeAuth(), retry: false });
    const [path, init] = make(new URL(elsewhere.origin));
    const error = await client.GET(path as '/v2/servicerequest/labels', init).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OsmRequestError);
    expect(error).toMatchObject({ parameter: 'baseUrl' });
    expect((error as Error).message).toMatch(/credentials are sent to the client's origin only|not a valid URL/);
    expectNothingLeaks(error);
    expect([osm.received, elsewhere.received, iam.received].map((received) => received.length)).toEqual([0, 0, 0]);
  });

  test('a per-call baseUrl on the same origin is used, with credentials', async () => {
    const client = createOsmClient({ baseUrl: osm.origin, auth: makeAuth(), retry: false });
    const { error } = await client.GET('/v2/servicerequest/labels', { baseUrl: `${osm.origin}/` });
    expect(error).toBeUndefined();
    expect(osm.received).toHaveLength(1);
    expect(osm.received[0]!.headers.has('x-auth-token') || osm.received[0]!.headers.has('authorization')).toBe(true);
  });
});

test('without an auth, a per-call baseUrl elsewhere is where the call goes', async () => {
  const { error } = await createOsmClient({ baseUrl: osm.origin, retry: false }).GET('/v2/servicerequest/labels', {
    baseUrl: elsewhere.origin,
  });
  expect(error).toBeUndefined();
  expect([osm.received.length, elsewhere.received.length]).toEqual([0, 1]);
});

test('a baseUrl that is not a URL: OsmRequestError naming it when the client is made', () => {
  expect(() => createOsmClient({ baseUrl: 'osm.example.com' })).toThrow(new OsmRequestError('baseUrl is not a valid URL', 'baseUrl'));
});
