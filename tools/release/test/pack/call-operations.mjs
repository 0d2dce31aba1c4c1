// Run in the scratch project: three operations through the installed client against the mock at argv[2].
import { createOsmClient } from '@osm-openapi/client';

const client = createOsmClient({ baseUrl: process.argv[2], auth: { token: 'a-token' } });
const results = {
  listCases: await client.GET('/v2/servicerequest/cases', { params: { query: { offset: 0, limit: 10 } } }),
  showCaseStatus: await client.GET('/v2/servicerequest/cases/{case_id}/status', {
    params: { path: { case_id: 'CS20240101000001' } },
  }),
  signAgreement: await client.POST('/v2/servicerequest/agreements/{id}/signed', {
    params: { path: { id: 123 } },
    body: { relation_id: 'relationId' },
  }),
};
const summary = Object.fromEntries(
  Object.entries(results).map(([name, { data, error, response }]) => [name, { status: response.status, data, error: error?.code }]),
);
console.log(JSON.stringify(summary));
