// A token given to the generated client goes into X-Auth-Token only: the AK/SK scheme is an HTTP
// authentication scheme the generator does not know, so it never copies the token into Authorization.
import { describe, expect, it } from 'vitest';
import { createClient, createConfig } from '../src/generated/client/index.js';
import { showCaseStatus } from '../src/generated/sdk.gen.js';

describe('@hey-api/openapi-ts client credentials', () => {
  it('sends a token as X-Auth-Token and nothing in Authorization', async () => {
    const sent: Request[] = [];
    const fetchSpy = async (request: Request) => {
      sent.push(request);
      return Response.json({ status: 0 });
    };
    const client = createClient(createConfig({ baseUrl: 'http://127.0.0.1:9', auth: 'a-token', fetch: fetchSpy as typeof fetch }));
    const { data } = await showCaseStatus({ client, path: { case_id: 'CS20240101000001' } });
    expect(data).toEqual({ status: 0 });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers.get('x-auth-token')).toBe('a-token');
    expect(sent[0]!.headers.get('authorization')).toBeNull();
  });
});
