// Runs an OsmAuth on one request, as the client's transport does, and returns the request as it would be sent.
import type { OsmAuth } from '../../src/index.js';

export async function authorize(auth: OsmAuth, request: Request): Promise<Request> {
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  const headers = new Headers(request.headers);
  const context = { fetch: (sent: Request) => fetch(sent), signal: new AbortController().signal };
  const credentials = await auth.credentialsFor({ method: request.method, url: request.url, headers, body }, context);
  for (const [name, value] of Object.entries(credentials)) headers.set(name, value);
  return new Request(request.url, { method: request.method, headers, body });
}
