// Secrets planted in every credential never show up in what an error prints, however it is printed.
import { inspect } from 'node:util';
import { describe, expect, test } from 'vitest';
import { akSkAuth, createOsmClient, iamPasswordAuth, type OsmClientOptions } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const SECRETS = {
  token: 'PLANTED-TOKEN-7f3a9c',
  accessKey: 'PLANTED-AK-41d2e8',
  secretKey: 'PLANTED-SK-b6c0f5',
  securityToken: 'PLANTED-SECURITY-TOKEN-93e1aa',
  password: 'PLANTED-PASSWORD-5d7e2b',
};
const aksk = { accessKey: SECRETS.accessKey, secretKey: SECRETS.secretKey, domainId: 'domain', securityToken: SECRETS.securityToken };
const iam = { userName: 'bot', password: SECRETS.password, domainName: 'acme' };
const STATUS = '/v2/servicerequest/cases/{case_id}/status';

/** Every way an error gets printed. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [String(e), e.message, e.stack ?? '', JSON.stringify(e), inspect(e), inspect(e, { showHidden: true, depth: Infinity })];
}

function expectNoSecrets(texts: string[]): void {
  for (const text of texts) {
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
  }
}

/** The error of one GET, whether returned or thrown. */
async function errorOf(options: OsmClientOptions): Promise<unknown> {
  const client = createOsmClient({ retry: false, timeoutMs: 50, ...options });
  try {
    const { error } = await client.GET(STATUS, { params: { path: { case_id: 'x' } } });
    return error;
  } catch (thrown) {
    return thrown;
  }
}

describe.each([
  ['token', { token: SECRETS.token }],
  ['AK/SK', akSkAuth(aksk)],
  ['IAM password', iamPasswordAuth(iam)],
] as const)('with %s credentials', (_, auth) => {
  const iamThenOsm = (osm: () => Response | Promise<Response>) =>
    fakeFetch((request) =>
      request.url.startsWith('https://iam.') ? new Response('{}', { status: 201, headers: { 'X-Subject-Token': SECRETS.token } }) : osm(),
    );

  test.each([
    ['an HTTP 401', () => json({ error_code: 'OSM.0002', error_msg: 'Unauthorized' }, { status: 401 })],
    ['an HTTP 200 business error', () => json({ error_code: 'OSM.01010015', error_msg: 'This case does not exist.' })],
    ['an HTML 502', () => new Response('<html/>', { status: 502 })],
    ['a network failure', () => Promise.reject(new TypeError('fetch failed'))],
    ['a timeout', () => new Promise<Response>(() => {})],
  ])('%s', async (_, osm) => {
    const error = await errorOf({ auth, fetch: iamThenOsm(osm).fetch });
    expect(error).toBeInstanceOf(Error);
    expectNoSecrets(renderings(error));
  });
});

test('an IAM refusal, even one echoing the password, does not print it', async () => {
  const fake = fakeFetch(() =>
    json({ error: { code: 401, message: `Password ${SECRETS.password} is wrong for user bot.` } }, { status: 401 }),
  );
  const error = await errorOf({ auth: iamPasswordAuth(iam), fetch: fake.fetch });
  expect((error as Error).message).toBe('IAM refused the token request (HTTP 401): Password *** is wrong for user bot.');
  expectNoSecrets(renderings(error));
});

test('neither the auth objects nor the client hold credentials where inspect can see them', () => {
  const rendered = [
    akSkAuth(aksk),
    iamPasswordAuth(iam),
    createOsmClient({ auth: { token: SECRETS.token } }),
    createOsmClient({ auth: akSkAuth(aksk) }),
  ].map((value) => inspect(value, { showHidden: true, depth: Infinity }));
  expectNoSecrets(rendered);
});
