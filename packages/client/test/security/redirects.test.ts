// Finding 1 and 2 of the security review: redirects must never carry credentials - or the IAM password -
// to another origin; within the origin they are followed and signed again. Real servers on loopback: "OSM"
// and "elsewhere" are two origins (two ports).
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { akSkAuth, createOsmClient, iamPasswordAuth, OsmAuthError, type OsmAuthOption, OsmError } from '../../src/index.js';
import { canonicalRequestOf, expectedAuthorization } from '../auth-aksk/verifier.js';
import { type LoopbackServer, type Received, sendJson, startLoopback } from './loopback.js';
import { expectNoSecrets, expectNothingLeaks, SECRETS, watchConsole } from './secrets.js';

const AKSK = { accessKey: 'AKPLANTED0001', secretKey: SECRETS.secretKey, domainId: 'domain-0001', securityToken: SECRETS.securityToken };
const CREDENTIAL_HEADERS = ['x-auth-token', 'x-security-token', 'x-domain-id', 'authorization', 'x-sdk-date'];
const LABELS = '/v2/servicerequest/labels';
const console_ = watchConsole();

let osm: LoopbackServer;
let elsewhere: LoopbackServer;
let iam: LoopbackServer;

beforeAll(async () => {
  [osm, elsewhere, iam] = await Promise.all([startLoopback(), startLoopback(), startLoopback()]);
});
afterEach(() => {
  for (const server of [osm, elsewhere, iam]) {
    server.received.length = 0;
    server.handle((_, response) => sendJson(response, 200, { labels: [] }));
  }
  iam.handle((_, response) => sendJson(response, 201, { token: {} }, { 'X-Subject-Token': SECRETS.iamToken }));
});
afterAll(async () => {
  expectNoSecrets(console_.lines());
  await Promise.all([osm, elsewhere, iam].map((server) => server.close()));
});

/** Every credential kind, as a fresh auth (the IAM one asks the fake IAM). */
const auths: [string, () => OsmAuthOption][] = [
  ['a fixed token', () => ({ token: SECRETS.token })],
  ['a token function', () => ({ token: async () => SECRETS.token })],
  ['an IAM-issued token', () => iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', endpoint: iam.origin })],
  ['AK/SK', () => akSkAuth(AKSK)],
];

function redirectTo(server: LoopbackServer, status: number): void {
  osm.handle((_, response) => {
    response.writeHead(status, { Location: `${server.origin}/stolen?from=osm`, 'Content-Length': 0 });
    response.end();
  });
}

/** Nothing of any secret reached `server`: no credential header, no secret in any form anywhere. */
function expectClean(received: Received[]): void {
  for (const request of received) for (const name of CREDENTIAL_HEADERS) expect(request.headers.has(name)).toBe(false);
  expectNoSecrets(received.map((request) => request.raw));
}

describe.each(auths)('with %s', (_, auth) => {
  test.each([301, 302, 303, 307, 308])(
    'a %i to another origin is refused by default: CLIENT.REDIRECT_REFUSED, nothing sent there',
    async (status) => {
      redirectTo(elsewhere, status);
      const client = createOsmClient({ baseUrl: osm.origin, auth: auth(), retry: false });
      const result = await client.POST(LABELS, { body: { name: 'secret ticket data', description: 'd' } } as never);

      expect(result.data).toBeUndefined();
      expect(result.error).toBeInstanceOf(OsmError);
      expect(result.error).toMatchObject({ code: 'CLIENT.REDIRECT_REFUSED', httpStatus: status });
      expect(result.error?.message).toContain(`redirect to ${elsewhere.origin} not followed`);
      expect(elsewhere.received).toHaveLength(0);
      expectNothingLeaks(result.error, result);
    },
  );

  test.each([301, 302, 303, 307, 308])(
    "a %i to another origin, with 'follow-without-credentials', arrives there without any credential",
    async (status) => {
      redirectTo(elsewhere, status);
      const client = createOsmClient({
        baseUrl: osm.origin,
        auth: auth(),
        retry: false,
        crossOriginRedirect: 'follow-without-credentials',
      });
      const result = await client.GET('/v2/servicerequest/labels', { headers: { 'X-Auth-Token': SECRETS.token } });

      expect(result.error).toBeUndefined();
      expect(elsewhere.received).toHaveLength(1);
      expect(elsewhere.received[0]?.url).toBe('/stolen?from=osm');
      expectClean(elsewhere.received);
      expectNothingLeaks(result);
    },
  );
});

test('a 307/308 followed to another origin re-sends the body, but no credential; a 303 turns it into a GET without body', async () => {
  const client = createOsmClient({
    baseUrl: osm.origin,
    auth: akSkAuth(AKSK),
    retry: false,
    crossOriginRedirect: 'follow-without-credentials',
  });
  const body = { name: 'label', description: 'd' };
  for (const status of [307, 308, 303]) {
    redirectTo(elsewhere, status);
    await client.POST(LABELS, { body } as never);
  }
  const [r307, r308, r303] = elsewhere.received as [Received, Received, Received];
  expect([r307.method, r308.method, r303.method]).toEqual(['POST', 'POST', 'GET']);
  expect(JSON.parse(r307.body.toString())).toEqual(body);
  expect(JSON.parse(r308.body.toString())).toEqual(body);
  expect(r303.body).toHaveLength(0);
  expect(r303.headers.has('content-type')).toBe(false);
  expectClean(elsewhere.received);
});

test('credentials dropped on the way to another origin stay dropped when it redirects back', async () => {
  osm.handle((request, response) => {
    if (request.url === '/v2/back') return sendJson(response, 200, { ok: 1 });
    response.writeHead(302, { Location: `${elsewhere.origin}/bounce`, 'Content-Length': 0 });
    response.end();
  });
  elsewhere.handle((_, response) => {
    response.writeHead(302, { Location: `${osm.origin}/v2/back`, 'Content-Length': 0 });
    response.end();
  });
  const client = createOsmClient({
    baseUrl: osm.origin,
    auth: { token: SECRETS.token },
    retry: false,
    crossOriginRedirect: 'follow-without-credentials',
  });
  const { data } = await client.GET('/v2/servicerequest/labels');

  expect(data).toEqual({ ok: 1 });
  expect(osm.received.map((request) => [request.url, request.headers.get('x-auth-token')])).toEqual([
    ['/v2/servicerequest/labels', SECRETS.token],
    ['/v2/back', null],
  ]);
  expectClean(elsewhere.received);
});

describe('same-origin redirects', () => {
  test.each([307, 308])('AK/SK + POST body + %i: followed, the body re-sent intact and signed again for the new path', async (status) => {
    osm.handle((request, response) => {
      if (request.url.startsWith('/v2/moved')) return sendJson(response, 200, { label_id: 7 });
      response.writeHead(status, { Location: '/v2/moved/labels?x=1', 'Content-Length': 0 });
      response.end();
    });
    const client = createOsmClient({ baseUrl: osm.origin, auth: akSkAuth(AKSK), retry: false });
    const body = { name: 'label 标签', description: 'd' };
    const result = await client.POST(LABELS, { body } as never);

    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ label_id: 7 });
    const [first, second] = osm.received as [Received, Received];
    expect(second.url).toBe('/v2/moved/labels?x=1');
    expect(JSON.parse(second.body.toString())).toEqual(body);
    expect(second.headers.get('authorization')).not.toBe(first.headers.get('authorization'));
    for (const request of [first, second]) expect(verifies(request)).toBe(true);
  });

  test('a token follows a same-origin redirect; a 303 becomes a GET', async () => {
    osm.handle((request, response) => {
      if (request.url === '/v2/after') return sendJson(response, 200, { ok: 1 });
      response.writeHead(303, { Location: '/v2/after', 'Content-Length': 0 });
      response.end();
    });
    const client = createOsmClient({ baseUrl: osm.origin, auth: { token: SECRETS.token }, retry: false });
    const result = await client.POST(LABELS, { body: { name: 'l', description: 'd' } } as never);
    expect(result.data).toEqual({ ok: 1 });
    expect(osm.received.map((request) => [request.method, request.headers.get('x-auth-token')])).toEqual([
      ['POST', SECRETS.token],
      ['GET', SECRETS.token],
    ]);
  });

  test('a redirect loop stops after 10 hops with CLIENT.REDIRECT_REFUSED', async () => {
    osm.handle((_, response) => {
      response.writeHead(302, { Location: '/v2/again', 'Content-Length': 0 });
      response.end();
    });
    const client = createOsmClient({ baseUrl: osm.origin, retry: false });
    const { error } = await client.GET('/v2/servicerequest/labels');
    expect(error?.code).toBe('CLIENT.REDIRECT_REFUSED');
    expect(osm.received).toHaveLength(11);
  });
});

describe('the IAM password', () => {
  test.each([301, 302, 303, 307, 308])('IAM answering %i is not followed: OsmAuthError, the password sent nowhere else', async (status) => {
    iam.handle((_, response) => {
      response.writeHead(status, { Location: `${elsewhere.origin}/v3/auth/tokens`, 'Content-Length': 0 });
      response.end();
    });
    const client = createOsmClient({
      baseUrl: osm.origin,
      retry: false,
      auth: iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', endpoint: iam.origin }),
    });
    const failure = await client.GET('/v2/servicerequest/labels').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(OsmAuthError);
    expect(failure).toMatchObject({ httpStatus: status });
    expect(iam.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    expect(osm.received).toHaveLength(0);
    expectNothingLeaks(failure);
  });

  test('the password goes to the configured endpoint only, and the issued token to OSM only', async () => {
    const client = createOsmClient({
      baseUrl: osm.origin,
      auth: iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', endpoint: iam.origin }),
    });
    await client.GET('/v2/servicerequest/labels');
    expect(JSON.parse(iam.received[0]!.body.toString()).auth.identity.password.user.password).toBe(SECRETS.password);
    expect(osm.received[0]?.headers.get('x-auth-token')).toBe(SECRETS.iamToken);
    expectNoSecrets(osm.received.map((request) => request.raw.replace(SECRETS.iamToken, '')));
  });
});

/** Verifies a received request's signature over the headers it says it signed (fetch adds others). */
function verifies(request: Received): boolean {
  const authorization = request.headers.get('authorization') ?? '';
  const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const headers = new Headers();
  for (const name of signedHeaders) if (name !== 'host') headers.set(name, request.headers.get(name) ?? '');
  const { text, signedHeaders: list } = canonicalRequestOf({
    method: request.method,
    url: `${osm.origin}${request.url}`,
    headers,
    body: request.body,
  });
  const date = request.headers.get('x-sdk-date') ?? '';
  return list === signedHeaders.join(';') && authorization === expectedAuthorization(text, list, date, AKSK.accessKey, AKSK.secretKey);
}
