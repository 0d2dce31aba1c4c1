import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { pagedOperations } from '../../src/generated/operations.js';
import { createOsmClient, OsmError, paginate } from '../../src/index.js';
import { fakeFetch, json } from '../support/fake-fetch.js';

/** A server holding `count` tickets, answering offset/limit pages (and lying about the total if told to). */
function ticketServer(count: number, options: { total?: number } = {}) {
  const tickets = Array.from({ length: count }, (_, i) => ({ incident_id: `CS${i}` }));
  const fake = fakeFetch((request) => {
    const query = new URL(request.url).searchParams;
    const offset = Number(query.get('offset'));
    const limit = Number(query.get('limit'));
    return json({ total_count: options.total ?? count, incident_info_list: tickets.slice(offset, offset + limit) });
  });
  const pages = () => fake.requests.map((r) => Object.fromEntries(new URL(r.url).searchParams));
  return { client: createOsmClient({ fetch: fake.fetch }), pages };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe('offset/limit (v2)', () => {
  test('pages at the spec maximum (100) until total_count, without asking for an empty page', async () => {
    const { client, pages } = ticketServer(200);
    const tickets = await collect(paginate(client, '/v2/servicerequest/cases'));
    expect(tickets.map((t) => t.incident_id)).toEqual(Array.from({ length: 200 }, (_, i) => `CS${i}`));
    expect(pages()).toEqual([
      { offset: '0', limit: '100' },
      { offset: '100', limit: '100' },
    ]);
  });

  test('stops at a short page even when the total claims more', async () => {
    const { client, pages } = ticketServer(130, { total: 1000 });
    expect(await collect(paginate(client, '/v2/servicerequest/cases'))).toHaveLength(130);
    expect(pages()).toHaveLength(2);
  });

  test('keeps the filters, starts at the given offset, uses the given limit', async () => {
    const { client, pages } = ticketServer(100);
    const tickets = await collect(
      paginate(client, '/v2/servicerequest/cases', { params: { query: { status: 1, offset: 40, limit: 25 } } }),
    );
    expect(tickets[0]?.incident_id).toBe('CS40');
    expect(tickets).toHaveLength(60);
    expect(pages().map((p) => [p.status, p.offset, p.limit])).toEqual([
      ['1', '40', '25'],
      ['1', '65', '25'],
      ['1', '90', '25'],
    ]);
  });

  test('an empty list yields nothing after one request', async () => {
    const { client, pages } = ticketServer(0);
    expect(await collect(paginate(client, '/v2/servicerequest/cases'))).toEqual([]);
    expect(pages()).toHaveLength(1);
  });

  test('refuses a page size above the spec maximum, or below 1, before sending anything', async () => {
    const { client, pages } = ticketServer(10);
    await expect(collect(paginate(client, '/v2/servicerequest/cases', { params: { query: { limit: 101 } } }))).rejects.toThrow(RangeError);
    await expect(collect(paginate(client, '/v2/servicerequest/cases', { params: { query: { limit: 0 } } }))).rejects.toThrow(RangeError);
    expect(pages()).toHaveLength(0);
  });

  test('passes path parameters, and reads items and total where each operation keeps them', async () => {
    const fake = fakeFetch(() => json({ count: 2, message_list: [{ id: 1 }, { id: 2 }] }));
    const client = createOsmClient({ fetch: fake.fetch });
    const messages = await collect(
      paginate(client, '/v2/servicerequest/cases/{case_id}/messages', { params: { path: { case_id: 'CS1' } } }),
    );
    expect(messages).toHaveLength(2);
    expect(new URL(fake.requests[0]!.url).pathname).toBe('/v2/servicerequest/cases/CS1/messages');
    expect(fake.requests).toHaveLength(1);
  });

  test('an error answer is thrown as the OsmError, after the pages before it', async () => {
    const fake = fakeFetch((_, i) =>
      i === 0
        ? json({ total_count: 300, incident_info_list: Array(100).fill({}) })
        : json({ error_code: 'OSM.01010001', error_msg: 'Param validation fail.' }),
    );
    const seen: unknown[] = [];
    const iteration = (async () => {
      for await (const ticket of paginate(createOsmClient({ fetch: fake.fetch }), '/v2/servicerequest/cases')) seen.push(ticket);
    })();
    await expect(iteration).rejects.toBeInstanceOf(OsmError);
    expect(seen).toHaveLength(100);
  });
});

describe('pageNo/pageSize (v1.0)', () => {
  test('counts pages from 1 until totalCount', async () => {
    const fake = fakeFetch((request) => {
      const page = Number(new URL(request.url).searchParams.get('pageNo'));
      return json({ totalCount: 250, caseList: Array.from({ length: page < 3 ? 100 : 50 }, () => ({})) });
    });
    const cases = await collect(paginate(createOsmClient({ fetch: fake.fetch }), '/v1.0/servicerequest/case'));
    expect(cases).toHaveLength(250);
    expect(fake.requests.map((r) => new URL(r.url).search)).toEqual([
      '?pageNo=1&pageSize=100',
      '?pageNo=2&pageSize=100',
      '?pageNo=3&pageSize=100',
    ]);
  });
});

test('the paging of every list operation is read from the bundled spec (items, total, maximum)', () => {
  const spec = JSON.parse(readFileSync(new URL('../../../spec/dist/openapi.json', import.meta.url), 'utf8')) as {
    paths: Record<string, { get: { parameters: { name?: string; schema?: { maximum?: number } }[] } }>;
  };
  expect(Object.keys(pagedOperations).length).toBeGreaterThan(0);
  for (const [path, paging] of Object.entries(pagedOperations)) {
    const size = spec.paths[path]?.get.parameters.find((p) => p.name === (paging.paging === 'offset' ? 'limit' : 'pageSize'));
    expect(size?.schema?.maximum, path).toBe('maxPageSize' in paging ? paging.maxPageSize : undefined);
  }
});
