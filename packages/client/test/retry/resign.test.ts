// A request sent again is built and signed again: new X-Sdk-Date, new signature, both valid.
import { afterEach, expect, test, vi } from 'vitest';
import { akSkAuth, createOsmClient } from '../../src/index.js';
import { verifySignature } from '../auth-aksk/verifier.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

const credentials = { accessKey: 'AK-RETRY', secretKey: 'SK-RETRY', domainId: 'domain-id', securityToken: 'temporary' };

afterEach(() => {
  vi.useRealTimers();
});

test('each attempt of a retried GET carries its own date and a valid signature', async () => {
  vi.useFakeTimers({ now: new Date('2024-01-02T03:04:05Z'), toFake: ['Date'] });
  const fake = fakeFetch((_, index) => {
    vi.setSystemTime(new Date('2024-01-02T03:04:09Z'));
    return index === 0
      ? json({ error_code: 'APIGW.0308', error_msg: 'throttled' }, { status: 429, headers: { 'Retry-After': '0' } })
      : json({});
  });
  const client = createOsmClient({ fetch: fake.fetch, auth: akSkAuth(credentials) });
  const { error } = await client.GET('/v2/servicerequest/config/regions');

  expect(error).toBeUndefined();
  const [first, second] = fake.requests as [Request, Request];
  expect(first.headers.get('x-sdk-date')).toBe('20240102T030405Z');
  expect(second.headers.get('x-sdk-date')).toBe('20240102T030409Z');
  expect(second.headers.get('authorization')).not.toBe(first.headers.get('authorization'));
  expect(await verifySignature(first, credentials.accessKey, credentials.secretKey)).toBe(true);
  expect(await verifySignature(second, credentials.accessKey, credentials.secretKey)).toBe(true);
});

test('a retried multipart upload is re-serialized and re-signed, and each attempt verifies', async () => {
  const fake = fakeFetch((_, index) =>
    index === 0 ? json({ error_code: 'APIGW.0308', error_msg: 'busy' }, { status: 503 }) : json({ accessory_id: '9' }),
  );
  const client = createOsmClient({ fetch: fake.fetch, auth: akSkAuth(credentials), retry: { baseDelayMs: 0, methods: ['POST'] } });
  const { data } = await client.POST('/v2/servicerequest/accessorys', { body: { file: new File(['log'], 'a.log'), form_data: '{}' } });

  expect(data).toEqual({ accessory_id: '9' });
  expect(fake.requests).toHaveLength(2);
  for (const sent of fake.requests) expect(await verifySignature(sent, credentials.accessKey, credentials.secretKey)).toBe(true);
});
