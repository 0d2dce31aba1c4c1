// Finding 3 of the security review: no secret in any error. Credentials are checked when the auth is
// created (an OsmAuthError naming the field, never the value); what cannot be checked then (a token a
// function gives, a per-call header) is checked before fetch sees it, since fetch's own error prints it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { akSkAuth, createOsmClient, iamPasswordAuth, OsmAuthError, OsmRequestError, tokenAuth } from '../../src/index.js';
import { type LoopbackServer, sendJson, startLoopback } from './loopback.js';
import { expectNoSecrets, expectNothingLeaks, SECRETS, watchConsole } from './secrets.js';

const console_ = watchConsole();
let osm: LoopbackServer;
let iam: LoopbackServer;

beforeAll(async () => {
  [osm, iam] = await Promise.all([startLoopback(), startLoopback()]);
});
afterAll(async () => {
  expectNoSecrets(console_.lines());
  await Promise.all([osm.close(), iam.close()]);
});

/** A secret made unsendable: a line break, a NUL, a control character, a character beyond Latin-1, padding. */
const BROKEN = [
  ['CR LF', (secret: string) => `${secret}\r\nX-Injected: 1`],
  ['LF', (secret: string) => `${secret}\n`],
  ['NUL', (secret: string) => `${secret}\0`],
  ['a control character', (secret: string) => `${secret}\u0007`],
  ['a character beyond Latin-1', (secret: string) => `${secret}€`],
  ['surrounding spaces', (secret: string) => ` ${secret} `],
] as const;

/** What `run` throws (it must throw). */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe.each(BROKEN)('a credential with %s', (_, broken) => {
  test.each([
    ['token', () => tokenAuth(broken(SECRETS.token))],
    ['token', () => createOsmClient({ auth: { token: broken(SECRETS.token) } })],
    ['accessKey', () => akSkAuth({ accessKey: broken('AKPLANTED'), secretKey: SECRETS.secretKey, domainId: 'd' })],
    ['domainId', () => akSkAuth({ accessKey: 'AK', secretKey: SECRETS.secretKey, domainId: broken('d0') })],
    [
      'securityToken',
      () => akSkAuth({ accessKey: 'AK', secretKey: SECRETS.secretKey, domainId: 'd', securityToken: broken(SECRETS.securityToken) }),
    ],
  ] as const)('is refused when the auth is created: OsmAuthError naming %s', (field, create) => {
    const error = thrownBy(create);
    expect(error).toBeInstanceOf(OsmAuthError);
    expect((error as Error).message).toBe(`${field} has characters a header cannot carry`);
    expectNothingLeaks(error);
  });

  test('a token function giving it: the call throws OsmAuthError, nothing sent', async () => {
    const client = createOsmClient({ baseUrl: osm.origin, auth: { token: () => broken(SECRETS.token) }, retry: false });
    const error = await client.GET('/v2/servicerequest/labels').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OsmAuthError);
    expect(osm.received).toHaveLength(0);
    expectNothingLeaks(error);
  });
});

// Spaces around a header value are legal (fetch trims them); only credentials refuse them.
describe.each(BROKEN.filter(([name]) => name !== 'surrounding spaces'))('a per-call header with %s', (_, broken) => {
  test.each([
    ['headers', { headers: { 'X-Auth-Token': broken(SECRETS.token) } }],
    ['params.header', { params: { header: { 'X-Language': broken(SECRETS.token) } } }],
  ])('a per-call %s value: OsmRequestError naming the header, nothing sent', async (_, init) => {
    const client = createOsmClient({ baseUrl: osm.origin, retry: false });
    const error = await client.GET('/v2/servicerequest/labels', init as never).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OsmRequestError);
    expect((error as OsmRequestError).parameter).toMatch(/^X-(Auth-Token|Language)$/);
    expect(osm.received).toHaveLength(0);
    expectNothingLeaks(error);
  });
});

test('a custom OsmAuth giving an unsendable header value: OsmAuthError naming the header, not its value', async () => {
  const client = createOsmClient({
    baseUrl: osm.origin,
    auth: { credentialsFor: () => ({ 'X-Auth-Token': `${SECRETS.token}\r\n` }) },
    retry: false,
  });
  const error = await client.GET('/v2/servicerequest/labels').catch((thrown: unknown) => thrown);
  expect(error).toEqual(new OsmAuthError('credential header X-Auth-Token has characters a header cannot carry'));
  expectNothingLeaks(error);
});

const iamWith = (override: object) => () =>
  iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', ...override } as never);
const akSkWith = (override: object) => () =>
  akSkAuth({ accessKey: 'AK', secretKey: SECRETS.secretKey, domainId: 'd', ...override } as never);
test.each([
  ['iamPasswordAuth', 'userName', iamWith({ userName: '' })],
  ['iamPasswordAuth', 'password', iamWith({ password: '' })],
  ['iamPasswordAuth', 'domainName', iamWith({ domainName: undefined })],
  ['akSkAuth', 'accessKey', akSkWith({ accessKey: '' })],
  ['akSkAuth', 'secretKey', akSkWith({ secretKey: '' })],
  ['akSkAuth', 'domainId', akSkWith({ domainId: undefined })],
] as const)('%s with no %s: OsmAuthError naming it', (_, field, make) => {
  const error = thrownBy(make);
  expect(error).toEqual(new OsmAuthError(`${field} must be a non-empty string`));
  expectNothingLeaks(error);
});

test('AK/SK credentials passed as the auth option directly: an OsmAuthError pointing to akSkAuth, not showing them', () => {
  const error = thrownBy(() => createOsmClient({ auth: { accessKey: 'AK', secretKey: SECRETS.secretKey, domainId: 'd' } as never }));
  expect(error).toBeInstanceOf(OsmAuthError);
  expect((error as Error).message).toContain('akSkAuth()');
  expectNothingLeaks(error);
});

describe('IAM echoing the password in its error', () => {
  test.each([
    ['as it is', SECRETS.password],
    ['URI-encoded', encodeURIComponent(SECRETS.password)],
    ['form-encoded', encodeURIComponent(SECRETS.password).replace(/%20/g, '+')],
    ['upper case', SECRETS.password.toUpperCase()],
    ['lower case', SECRETS.password.toLowerCase()],
    ['URI-encoded, lower-case hex', encodeURIComponent(SECRETS.password).toLowerCase()],
    ['JSON-escaped', JSON.stringify(SECRETS.password).slice(1, -1)],
    ['Base64', Buffer.from(SECRETS.password).toString('base64')],
    ['Base64url', Buffer.from(SECRETS.password).toString('base64url')],
    ['hex', Buffer.from(SECRETS.password).toString('hex')],
    ['upper-case hex', Buffer.from(SECRETS.password).toString('hex').toUpperCase()],
  ])('%s: redacted', async (_, echoed) => {
    iam.handle((_, response) => sendJson(response, 401, { error: { code: 401, message: `Password ${echoed} is wrong for user bot.` } }));
    const client = createOsmClient({
      baseUrl: osm.origin,
      retry: false,
      auth: iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', endpoint: iam.origin }),
    });
    const error = await client.GET('/v2/servicerequest/labels').catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(OsmAuthError);
    expect((error as Error).message).toBe('IAM refused the token request (HTTP 401): Password *** is wrong for user bot.');
    expectNothingLeaks(error);
  });
});

test('errors of every kind, with every credential, print no secret (401, business error, HTML 502, network failure)', async () => {
  const auths = [
    { token: SECRETS.token },
    akSkAuth({ accessKey: 'AK', secretKey: SECRETS.secretKey, domainId: 'd', securityToken: SECRETS.securityToken }),
    iamPasswordAuth({ userName: 'bot', password: SECRETS.password, domainName: 'acme', endpoint: iam.origin }),
  ];
  iam.handle((_, response) => sendJson(response, 201, { token: {} }, { 'X-Subject-Token': SECRETS.iamToken }));
  const answers = [
    (response: import('node:http').ServerResponse) => sendJson(response, 401, { error_code: 'OSM.0002', error_msg: 'Unauthorized' }),
    (response: import('node:http').ServerResponse) => sendJson(response, 200, { error_code: 'OSM.01010015', error_msg: 'no such case' }),
    (response: import('node:http').ServerResponse) => {
      response.writeHead(502, { 'Content-Type': 'text/html' });
      response.end('<html>bad gateway</html>');
    },
    (response: import('node:http').ServerResponse) => response.socket?.destroy(),
  ];
  const seen: unknown[] = [];
  for (const auth of auths) {
    for (const answer of answers) {
      osm.handle((_, response) => answer(response));
      const client = createOsmClient({ baseUrl: osm.origin, auth, retry: false });
      seen.push(await client.GET('/v2/servicerequest/labels').catch((thrown: unknown) => thrown));
    }
  }
  expect(seen).toHaveLength(12);
  expectNothingLeaks(...seen);
});
