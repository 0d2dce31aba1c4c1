// Type-checked in the scratch project against the installed @osm-openapi/client: the calls a user writes,
// and the mistakes the types must catch.
import { createOsmClient } from '@osm-openapi/client';

const client = createOsmClient({ baseUrl: 'http://127.0.0.1:4010', auth: { token: 'a-token' } });

export async function showStatus(caseId: string): Promise<number | undefined> {
  const { data, error } = await client.GET('/v2/servicerequest/cases/{case_id}/status', {
    params: { path: { case_id: caseId } },
  });
  if (error) throw new Error(`${error.code}: ${error.message}`);
  // Typed from the spec: the status enum (a wider type, such as number, would not compile here).
  const status: 0 | 1 | 2 | 3 | 4 | 12 | 17 | undefined = data?.status;
  return status;
}

export async function mistakes(): Promise<void> {
  // @ts-expect-error - no such path
  await client.GET('/v2/servicerequest/no-such-path');
  // @ts-expect-error - the path parameter is required
  await client.GET('/v2/servicerequest/cases/{case_id}/status', { params: { path: {} } });
  // @ts-expect-error - limit is a number
  await client.GET('/v2/servicerequest/cases', { params: { query: { limit: 'ten' } } });
}
