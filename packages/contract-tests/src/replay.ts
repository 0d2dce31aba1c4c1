// Replaying a fixture's call with the typed client, and what a caller sees of the result. Shared by
// suite 7 (MSW in Node) and suite 9 (MSW in Chromium, where the page bundles this file: no Node APIs here).
import { createOsmClient } from '@osm-openapi/client';

/** A call ready for the client: its method's name (`GET`), the path template and the client's init. */
export interface ReplayCall {
  method: string;
  path: string;
  /** False for a fixture that shows a 401: sent without credentials. */
  auth: boolean;
  init: { params: object; body?: unknown; headers?: Record<string, string> };
}

/** What a caller sees of a result: the status, the OSM error code, the data (a file as its bytes). */
export interface Seen {
  status: number;
  error: string | undefined;
  data: unknown;
}

type Send = (path: string, init: object) => Promise<{ data?: unknown; error?: { code: string }; response: Response }>;

/** The two clients a replay picks from: with a token, and without credentials. */
export interface ReplayClients {
  withAuth: Record<string, Send>;
  withoutAuth: Record<string, Send>;
}

/** Clients of `baseUrl` for {@link replay}, without retries (a replay must see the first answer). */
export function replayClients(baseUrl: string): ReplayClients {
  return {
    withAuth: createOsmClient({ baseUrl, retry: false, auth: { token: 'contract-tests-token' } }) as unknown as Record<string, Send>,
    withoutAuth: createOsmClient({ baseUrl, retry: false }) as unknown as Record<string, Send>,
  };
}

/** Sends `call` with the client it asks for and reads what a caller sees. */
export async function replay(clients: ReplayClients, call: ReplayCall): Promise<Seen> {
  const result = await (call.auth ? clients.withAuth : clients.withoutAuth)[call.method]!(call.path, call.init);
  const data = result.data instanceof Blob ? [...new Uint8Array(await result.data.arrayBuffer())] : result.data;
  return { status: result.response.status, error: result.error?.code, data };
}
