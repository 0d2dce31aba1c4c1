// The MSW front door answers in this process, with no port, exactly what the HTTP server answers.
// (The typed client through MSW, every fixture: packages/contract-tests suite 7.)
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { DEFAULT_OSM_URL, osmHandlers } from '../../src/msw/node.js';
import { specOperations, validRequest } from '../support/spec-operations.js';

/** Status, the headers a caller reads, and the body (JSON parsed, a file as its bytes). */
async function seen(response: Response) {
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : [...new Uint8Array(await response.arrayBuffer())];
  return {
    status: response.status,
    type,
    disposition: response.headers.get('content-disposition'),
    cors: response.headers.get('access-control-allow-origin'),
    body,
  };
}

describe('osmHandlers() in setupServer', () => {
  const server = setupServer(...osmHandlers());
  let http: RunningMock;
  beforeAll(async () => {
    http = await startMock({ port: 0 });
    server.listen({ onUnhandledFrame: 'bypass' });
  });
  afterAll(async () => {
    server.close();
    await http.close();
  });
  const both = async (url: string, init: () => RequestInit) => {
    const [msw, overHttp] = await Promise.all([fetch(`${DEFAULT_OSM_URL}${url}`, init()), fetch(`${http.url}${url}`, init())]);
    return { msw: await seen(msw), http: await seen(overHttp) };
  };

  test.each(specOperations().map((o) => [o.operationId, o] as const))('%s: the success answer, as over HTTP', async (_, entry) => {
    const { url } = validRequest(entry);
    const answers = await both(url, () => validRequest(entry).init);
    expect(answers.msw.status).toBe(200);
    expect(answers.msw).toEqual(answers.http);
  });

  test.each([
    ['an invalid parameter', '/v2/servicerequest/cases?limit=101', { 'X-Auth-Token': 't' }],
    ['no token', '/v2/servicerequest/cases/CS1/status', {}],
    ['Prefer: code=401', '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't', Prefer: 'code=401' }],
    ['Prefer: example=businessError', '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't', Prefer: 'example=businessError' }],
    ['an unknown example', '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't', Prefer: 'example=nope' }],
    ['an unknown path', '/v2/nowhere', { 'X-Auth-Token': 't' }],
    ['the index', '/', {}],
  ])('%s: the same answer as over HTTP', async (_, url, headers) => {
    const answers = await both(url, () => ({ headers: { Origin: 'http://app.test', ...headers } }));
    expect(answers.msw).toEqual(answers.http);
  });

  test('only requests under its base URL are answered; others go on to the network (or the next handler)', async () => {
    const other = setupServer(...osmHandlers({ baseUrl: 'https://osm.example.test/prefix' }));
    server.close();
    other.listen({ onUnhandledFrame: 'error' });
    // msw says why it refused on console.error: checked here rather than printed under a green run.
    const said = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const inside = await fetch('https://osm.example.test/prefix/v2/servicerequest/cases/CS1/status', {
        headers: { 'X-Auth-Token': 't' },
      });
      expect(await inside.json()).toEqual({ status: 0 });
      await expect(fetch('https://osm.example.test/v2/servicerequest/cases/CS1/status')).rejects.toThrow();
      expect(said).toHaveBeenCalledWith(expect.stringContaining('GET https://osm.example.test/v2/servicerequest/cases/CS1/status'));
    } finally {
      said.mockRestore();
      other.close();
      server.listen({ onUnhandledFrame: 'bypass' });
    }
  });
});
