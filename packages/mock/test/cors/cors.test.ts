import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumLaunchOptions } from '../../../../chromium.shared.mjs';
import { type RunningMock, startMock } from '../../src/index.js';

const APP_ORIGIN = 'http://localhost:5173';

describe('CORS', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  test('a preflight from another origin allows the method and the headers asked for', async () => {
    const response = await fetch(`${mock.url}/v2/servicerequest/labels`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-auth-token,content-type,prefer',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('x-auth-token,content-type,prefer');
  });

  test.each([
    ['a success', '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't' }, 200],
    ['a rewritten 401', '/v2/servicerequest/cases/CS1/status', {}, 401],
    ['a rewritten 400', '/v2/servicerequest/cases?limit=101', { 'X-Auth-Token': 't' }, 400],
    ["the mock's own 400 (token too long)", '/v2/servicerequest/cases/CS1/status', { 'X-Auth-Token': 't'.repeat(5001) }, 400],
    ['a rewritten 404', '/v2/nowhere', { 'X-Auth-Token': 't' }, 404],
    ['a file', '/v2/servicerequest/accessorys/a1/image', { 'X-Auth-Token': 't' }, 200],
  ])('%s carries the CORS headers', async (_, path, headers, status) => {
    const response = await fetch(`${mock.url}${path}`, { headers: { Origin: APP_ORIGIN, ...headers } });
    expect(response.status).toBe(status);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toBe('*');
  });

  describe('from a page in Chromium served on another port', () => {
    let browser: Browser;
    let app: Server;
    let page: Page;
    beforeAll(async () => {
      app = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>'));
      await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
      browser = await chromium.launch(chromiumLaunchOptions());
      page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(app.address() as AddressInfo).port}/`);
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    });

    /** Runs fetch in the page, so the browser's CORS rules apply. */
    function fetchInPage(path: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
      return page.evaluate(
        async ({ url, init }) => {
          const response = await fetch(url, init);
          return { status: response.status, body: await response.text(), disposition: response.headers.get('content-disposition') };
        },
        { url: `${mock.url}${path}`, init },
      );
    }

    test('a POST with a token and a JSON body goes through the preflight', async () => {
      const answer = await fetchInPage('/v2/servicerequest/labels', {
        method: 'POST',
        headers: { 'X-Auth-Token': 't', 'Content-Type': 'application/json', Prefer: 'example=businessError' },
        body: JSON.stringify({ name: 'urgent', color: '#ff0000' }),
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ error_code: expect.stringMatching(/^OSM\./) });
    });

    test('the OSM error body of a rejected request can be read', async () => {
      const answer = await fetchInPage('/v2/servicerequest/cases?limit=101', { headers: { 'X-Auth-Token': 't' } });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toEqual({
        error_code: 'OSM.0001',
        error_msg: 'Invalid request: query parameter limit: must be <= 100',
      });
    });

    test("a download's Content-Disposition can be read", async () => {
      const answer = await fetchInPage('/v2/servicerequest/cases/export?language=en-us&timezone=GMT%2B8', {
        headers: { 'X-Auth-Token': 't' },
      });
      expect(answer.status).toBe(200);
      expect(answer.disposition).toBe('attachment; filename="osm-mock.bin"');
    });
  });
});
