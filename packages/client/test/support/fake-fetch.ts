// A fetch to inject into the client: records every request it receives (a copy, body readable) and
// answers from a handler, so a test sees exactly what went on the wire.

export type Responder = (request: Request, index: number) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: (request: Request) => Promise<Response>;
  /** Copies of the requests received, in order. */
  requests: Request[];
}

export function fakeFetch(respond: Responder): FakeFetch {
  const requests: Request[] = [];
  return {
    requests,
    fetch: async (request) => {
      requests.push(request.clone());
      return respond(request, requests.length - 1);
    },
  };
}

/** A JSON response (HTTP 200 unless `status` says otherwise). */
export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { ...init, headers });
}
