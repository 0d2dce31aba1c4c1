// "Your first ticket" in TypeScript: the steps of first-ticket.arazzo.yaml, one `// step:` block each
// (the guide shows each block under its step). The test run executes this file against the mock.
// step: setup
import { createOsmClient } from '@osm-openapi/client';

const client = createOsmClient({
  baseUrl: process.env.OSM_ENDPOINT, // unset: OSM's endpoint; http://127.0.0.1:4010 for the mock
  auth: { token: process.env.OSM_TOKEN! },
  site: 1, // X-Site: an account of the international site; 0 (the default) for the Chinese mainland site
  language: 'en-us',
});
// step: findProduct
const products = await client.GET('/v2/servicerequest/config/product-categories', {
  params: { query: { product_category_name: 'Elastic Cloud Server' } },
});
if (products.error) throw products.error;
const productId = products.data.incident_product_category_list?.[0]?.incident_product_category_id;
// step: findProblemType
const problemTypes = await client.GET('/v2/servicerequest/config/problems', {
  params: { query: { product_category_id: productId } },
});
if (problemTypes.error) throw problemTypes.error;
const problemTypeId = problemTypes.data.incident_business_type_list?.[0]?.business_type_id;
if (!productId || !problemTypeId) throw new Error('no product or problem type found');
// step: findSeverity
const severities = await client.GET('/v2/servicerequest/config/severities', {
  params: { query: { product_category_id: productId, business_type_id: problemTypeId } },
});
if (severities.error) throw severities.error;
const severityId = severities.data.severity_list?.[0]?.severity_id;
// step: findRegion
const regions = await client.GET('/v2/servicerequest/config/regions');
if (regions.error) throw regions.error;
const regionId = regions.data.data_center_list?.[0]?.region_id;
// step: attachFile
const upload = await client.POST('/v2/servicerequest/accessorys/json-format-content', {
  body: {
    accessory_name: 'error.log',
    accessory_from: 'incident',
    accessory_data: Buffer.from('Disk /dev/vdb is read-only.').toString('base64'),
  },
});
if (upload.error) throw upload.error;
const attachmentId = upload.data.accessory_id;
// step: createTicket
const created = await client.POST('/v2/servicerequest/cases', {
  body: {
    product_category_id: productId,
    business_type_id: problemTypeId,
    severity_id: severityId,
    region_id: regionId,
    simple_description: 'The data disk of my ECS is read-only since this morning.',
    source_id: '83aeb0f2834c4df49826c781d32a963e',
    accessory_ids: attachmentId ? [attachmentId] : [],
  },
});
if (created.error) throw created.error;
const ticketId = created.data.incident_id;
if (!ticketId) throw new Error('OSM returned no ticket ID');
console.log('filed ticket', ticketId);
// step: listTickets
const tickets = await client.GET('/v2/servicerequest/cases', {
  params: { query: { incident_id: ticketId, offset: 0, limit: 10 } },
});
if (tickets.error) throw tickets.error;
const listed = tickets.data.incident_info_list ?? [];
if (!listed.some((ticket) => ticket.incident_id === ticketId)) {
  throw new Error(`ticket ${ticketId} is not listed (against the mock, start it with --stateful)`);
}
for (const ticket of listed) {
  console.log('listed', ticket.incident_id, ticket.status, ticket.simple_description);
}
// step: addMessage
const message = await client.POST('/v2/servicerequest/cases/{case_id}/message', {
  params: { path: { case_id: ticketId } },
  body: {
    message: { content: 'The disk became writable again after a reboot; please check the cause.' },
  },
});
if (message.error) throw message.error;
// step: readTicket
const detail = await client.GET('/v2/servicerequest/cases/{case_id}', {
  params: { path: { case_id: ticketId } },
});
if (detail.error) throw detail.error;
console.log(detail.data.incident_detail_info?.status, detail.data.incident_detail_info?.message_list?.length);
