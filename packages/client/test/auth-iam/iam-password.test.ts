import { afterEach, describe, expect, test, vi } from 'vitest';
import { createOsmClient, type IamPasswordOptions, iamPasswordAuth, OsmAuthError, OsmTimeoutError } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const IAM = 'https://iam.ap-southeast-3.myhuaweicloud.com/v3/auth/tokens?nocatalog=true';
const STATUS = '/v2/servicerequest/cases/{case_id}/status';
const USER: IamPasswordOptions = { userName: 'ticket-bot', password: 'correct horse battery staple', domainName: 'acme' };

/** IAM issuing token-1, token-2, ...; optionally held until `release()` so calls can pile up. */
function iamAndOsm(
  options: { expiresAt?: (issued: number) => string | undefined; hold?: boolean; osm?: (token: string | null) => Response } = {},
) {
  let issued = 0;
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const fake = fakeFetch(async (request) => {
    if (request.url.startsWith('https://iam.')) {
      if (options.hold) await held;
      issued += 1;
      const expiresAt = options.expiresAt?.(issued);
      return json(
        { token: expiresAt ? { expires_at: expiresAt } : {} },
        { status: 201, headers: { 'X-Subject-Token': `token-${issued}` } },
      );
    }
    return options.osm?.(request.headers.get('x-auth-token')) ?? json({ status: 1 });
  });
  const iamCalls = () => fake.requests.filter((r) => r.url.startsWith('https://iam.'));
  const osmTokens = () => fake.requests.filter((r) => !r.url.startsWith('https://iam.')).map((r) => r.headers.get('x-auth-token'));
  return { fake, iamCalls, osmTokens, release: () => release() };
}

const getStatus = (client: ReturnType<typeof createOsmClient>, caseId = 'a') =>
  client.GET(STATUS, { params: { path: { case_id: caseId } } });

afterEach(() => {
  vi.useRealTimers();
});

describe('the token request', () => {
  test('posts a password identity, scoped to the account by default, and sends X-Subject-Token as X-Auth-Token', async () => {
    const { fake, iamCalls, osmTokens } = iamAndOsm();
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    await getStatus(client);

    const [iam] = iamCalls();
    expect(iam?.method).toBe('POST');
    expect(iam?.url).toBe(IAM);
    expect(await iam?.json()).toEqual({
      auth: {
        identity: { methods: ['password'], password: { user: { name: 'ticket-bot', password: USER.password, domain: { name: 'acme' } } } },
        scope: { domain: { name: 'acme' } },
      },
    });
    expect(osmTokens()).toEqual(['token-1']);
  });

  test.each([
    [{ projectName: 'ap-southeast-3' }, { project: { name: 'ap-southeast-3' } }],
    [{ projectId: 'p-1' }, { project: { id: 'p-1' } }],
    [{ domainId: 'd-1' }, { domain: { id: 'd-1' } }],
  ] as const)('scope %o becomes %o', async (scope, expected) => {
    const { fake, iamCalls } = iamAndOsm();
    await getStatus(createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth({ ...USER, scope }) }));
    expect(((await iamCalls()[0]!.json()) as { auth: { scope: unknown } }).auth.scope).toEqual(expected);
  });

  test('goes to the region given, or to the endpoint given', async () => {
    const regional = iamAndOsm();
    await getStatus(createOsmClient({ fetch: regional.fake.fetch, auth: iamPasswordAuth({ ...USER, region: 'cn-north-4' }) }));
    expect(regional.fake.requests[0]?.url).toBe('https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens?nocatalog=true');

    const custom = fakeFetch((request) =>
      request.url.startsWith('https://idp.example/') ? new Response('{}', { status: 201, headers: { 'X-Subject-Token': 't' } }) : json({}),
    );
    await getStatus(createOsmClient({ fetch: custom.fetch, auth: iamPasswordAuth({ ...USER, endpoint: 'https://idp.example/iam/' }) }));
    expect(custom.requests[0]?.url).toBe('https://idp.example/iam/v3/auth/tokens?nocatalog=true');
  });
});

describe('caching', () => {
  test('one token serves every request while it is valid', async () => {
    const { fake, iamCalls, osmTokens } = iamAndOsm({ expiresAt: () => new Date(Date.now() + 3600_000).toISOString() });
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    for (const id of ['a', 'b', 'c']) await getStatus(client, id);
    expect(iamCalls()).toHaveLength(1);
    expect(osmTokens()).toEqual(['token-1', 'token-1', 'token-1']);
  });

  test('is renewed the margin before expires_at', async () => {
    vi.useFakeTimers({ now: new Date('2024-06-01T00:00:00Z'), toFake: ['Date'] });
    const { fake, osmTokens } = iamAndOsm({ expiresAt: () => '2024-06-01T01:00:00.000000Z' });
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth({ ...USER, refreshMarginMs: 5 * 60_000 }) });
    await getStatus(client);
    vi.setSystemTime(new Date('2024-06-01T00:54:59Z'));
    await getStatus(client);
    vi.setSystemTime(new Date('2024-06-01T00:55:01Z'));
    await getStatus(client);
    expect(osmTokens()).toEqual(['token-1', 'token-1', 'token-2']);
  });

  test('lives 24 hours (less the default 5-minute margin) when IAM gives no expires_at', async () => {
    vi.useFakeTimers({ now: new Date('2024-06-01T00:00:00Z'), toFake: ['Date'] });
    const { fake, osmTokens } = iamAndOsm();
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    await getStatus(client);
    vi.setSystemTime(new Date('2024-06-01T23:54:59Z'));
    await getStatus(client);
    vi.setSystemTime(new Date('2024-06-01T23:55:01Z'));
    await getStatus(client);
    expect(osmTokens()).toEqual(['token-1', 'token-1', 'token-2']);
  });
});

describe('concurrency and refresh', () => {
  test('concurrent first requests share one IAM call', async () => {
    const { fake, iamCalls, osmTokens, release } = iamAndOsm({ hold: true });
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    const calls = ['a', 'b', 'c', 'd', 'e'].map((id) => getStatus(client, id));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await Promise.all(calls);
    expect(iamCalls()).toHaveLength(1);
    expect(osmTokens()).toEqual(Array(5).fill('token-1'));
  });

  test('a 401 refreshes once and retries once; concurrent 401s share that one refresh', async () => {
    let revoked = false;
    const { fake, iamCalls, osmTokens } = iamAndOsm({
      osm: (token) =>
        revoked && token === 'token-1' ? json({ error_code: 'OSM.0002', error_msg: 'Unauthorized' }, { status: 401 }) : json({ status: 3 }),
    });
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    await getStatus(client, 'warm-up');
    revoked = true;
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((id) => getStatus(client, id)));

    expect(results.map((r) => r.data)).toEqual(Array(4).fill({ status: 3 }));
    expect(iamCalls()).toHaveLength(2);
    expect(osmTokens()).toEqual(['token-1', ...Array(4).fill('token-1'), ...Array(4).fill('token-2')]);
  });

  test('a 401 to the refreshed token is the answer: no second refresh', async () => {
    const { fake, iamCalls } = iamAndOsm({ osm: () => json({ error_code: 'OSM.0002', error_msg: 'Unauthorized' }, { status: 401 }) });
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    const { error } = await getStatus(client);
    expect(error?.code).toBe('OSM.0002');
    expect(iamCalls()).toHaveLength(2);
  });

  test('a caller that gives up waiting for the shared IAM call does not cancel it for the others', async () => {
    const { fake, osmTokens, release } = iamAndOsm({ hold: true });
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    const impatient = new AbortController();
    const gaveUp = client.GET(STATUS, { params: { path: { case_id: 'a' } }, signal: impatient.signal });
    const patient = getStatus(client, 'b');
    impatient.abort(new Error('user navigated away'));
    await expect(gaveUp).rejects.toThrow('user navigated away');
    release();
    expect((await patient).data).toEqual({ status: 1 });
    expect(osmTokens()).toEqual(['token-1']);
  });
});

describe('failures', () => {
  test('IAM refusing the credentials throws OsmAuthError with its message, and the next call asks again', async () => {
    let attempt = 0;
    const fake = fakeFetch((request) => {
      if (!request.url.startsWith('https://iam.')) return json({ status: 1 });
      attempt += 1;
      return attempt === 1
        ? json({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } }, { status: 401 })
        : new Response('{}', { status: 201, headers: { 'X-Subject-Token': 'second-try' } });
    });
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });

    const failure = await getStatus(client).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OsmAuthError);
    expect(failure).toMatchObject({
      httpStatus: 401,
      message: 'IAM refused the token request (HTTP 401): The username or password is wrong.',
    });
    expect((await getStatus(client)).data).toEqual({ status: 1 });
    expect(fake.requests.at(-1)?.headers.get('x-auth-token')).toBe('second-try');
  });

  test('an IAM call that does not answer within its timeoutMs throws OsmTimeoutError', async () => {
    const fake = fakeFetch((request) => (request.url.startsWith('https://iam.') ? new Promise<Response>(() => {}) : json({})));
    const client = createOsmClient({ fetch: fake.fetch, retry: false, auth: iamPasswordAuth({ ...USER, timeoutMs: 20 }) });
    const failure = await getStatus(client).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OsmTimeoutError);
    expect((failure as Error).message).toBe(`POST ${IAM} timed out after 20 ms`);
  });

  test('an IAM answer without X-Subject-Token throws OsmAuthError', async () => {
    const fake = fakeFetch((request) => (request.url.startsWith('https://iam.') ? json({ token: {} }, { status: 201 }) : json({})));
    const client = createOsmClient({ fetch: fake.fetch, auth: iamPasswordAuth(USER) });
    await expect(getStatus(client)).rejects.toThrow(new OsmAuthError('IAM answered without an X-Subject-Token header', 201));
  });
});
