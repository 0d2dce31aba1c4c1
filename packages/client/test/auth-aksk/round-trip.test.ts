// Whatever the client sends verifies, checked by an independent verifier (verifier.ts): random path and
// query values through the signer, and a FormData upload. (Retries re-signing: test/retry.)
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { akSkAuth, createOsmClient } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';
import { authorize } from '../support/sign.js';
import { verifySignature } from './verifier.js';

const credentials = { accessKey: 'AK-ROUND-TRIP', secretKey: 'SK-ROUND-TRIP', domainId: 'domain-id' };

test('any path segment and query pairs sign verifiably', async () => {
  const auth = akSkAuth(credentials);
  const text = fc.string({ unit: 'binary', maxLength: 12 });
  await fc.assert(
    fc.asyncProperty(
      fc.array(text, { minLength: 1, maxLength: 3 }),
      fc.array(fc.tuple(text, text), { maxLength: 5 }),
      async (segments, pairs) => {
        const url = new URL(`https://osm.example.com/v2/${segments.map(encodeURIComponent).join('/')}`);
        for (const [name, value] of pairs) url.searchParams.append(name, value);
        const signed = await authorize(auth, new Request(url));
        expect(await verifySignature(signed, credentials.accessKey, credentials.secretKey)).toBe(true);
      },
    ),
    { numRuns: 100, seed: 20261123 },
  );
});

test('a FormData upload is signed over the exact bytes sent, with its boundary', async () => {
  const fake = fakeFetch(() => json({ accessory_id: '1' }));
  const client = createOsmClient({ fetch: fake.fetch, auth: akSkAuth(credentials) });
  const file = new File([new Uint8Array([0, 1, 2, 255, 13, 10])], '截图 1.png', { type: 'image/png' });
  const { data } = await client.POST('/v2/servicerequest/accessorys', { body: { file, form_data: '{"accessFrom":"message"}' } });

  expect(data).toEqual({ accessory_id: '1' });
  const sent = fake.requests[0]!;
  expect(sent.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
  expect(await verifySignature(sent.clone(), credentials.accessKey, credentials.secretKey)).toBe(true);
  const form = await sent.formData();
  expect(form.get('form_data')).toBe('{"accessFrom":"message"}');
  expect(new Uint8Array(await (form.get('file') as File).arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255, 13, 10]));
});
