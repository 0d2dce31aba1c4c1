// Runs one request through a proxy made with createProxy() (no HTTP front door) and reads its answer.
import { loadSpec } from '@osm-openapi/spec';
import { createProxy, type ProxyAnswer, type ProxyOptions, type UpstreamProxy } from '../../../src/proxy/proxy.js';

export const SHOW_CASE_STATUS = { operationId: 'showCaseStatus', method: 'get', pathTemplate: '/v2/servicerequest/cases/{case_id}/status' };
export const DOWNLOAD = { operationId: 'downloadAccessories', method: 'get', pathTemplate: '/v2/servicerequest/accessorys/{accessory_id}' };

/** The whole body of an answer. */
export async function bodyOf(answer: ProxyAnswer): Promise<Buffer> {
  if (answer.body === undefined) return Buffer.alloc(0);
  if (answer.body instanceof Uint8Array) return Buffer.from(answer.body);
  const chunks: Buffer[] = [];
  for await (const chunk of answer.body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** GET showCaseStatus of `ticket` with `headers`; the answer and its body. */
export async function status(proxy: UpstreamProxy, ticket: string, headers: Record<string, string> = { 'x-auth-token': 'caller-token-1' }) {
  const answer = await proxy.exchange({
    operation: SHOW_CASE_STATUS,
    method: 'GET',
    url: `/v2/servicerequest/cases/${ticket}/status`,
    headers: { host: 'proxy.local', ...headers },
  });
  const body = await bodyOf(answer);
  return { answer, body, json: () => JSON.parse(body.toString('utf8')) as Record<string, unknown> };
}

/** Runs `use` with a proxy of its own (made with `options`), closed afterwards. */
export async function withProxy<T>(options: ProxyOptions, use: (proxy: UpstreamProxy) => Promise<T>): Promise<T> {
  const proxy = createProxy(loadSpec(), options);
  try {
    return await use(proxy);
  } finally {
    proxy.close();
  }
}
