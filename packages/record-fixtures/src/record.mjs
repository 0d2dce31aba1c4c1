// Replays a call list through @osm-openapi/client and turns each exchange into a redacted fixture.
import { akSkAuth, createOsmClient } from '@osm-openapi/client';
import { withBinaryBody } from '@osm-openapi/fixture-format/binary-body';
import { capturingFetch } from '@osm-openapi/fixture-format/capture';
import { redactFixture, redactText } from '@osm-openapi/redaction';

const METHODS = ['get', 'put', 'post', 'delete'];

function resolveRef(spec, node) {
  let current = node;
  while (current?.$ref)
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((object, key) => object?.[key], spec);
  return current;
}

/** operationId -> { method, path, operation } for every operation of the spec. */
function operationIndex(spec) {
  const index = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation?.operationId) index.set(operation.operationId, { method: method.toUpperCase(), path, operation });
    }
  }
  return index;
}

/** A call's body as the client wants it: in a multipart body, file fields given as text become files. */
function requestBodyOf(spec, operation, body) {
  const multipart = resolveRef(spec, operation.requestBody)?.content?.['multipart/form-data'];
  if (!multipart || body === undefined) return body;
  const properties = resolveRef(spec, multipart.schema)?.properties ?? {};
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => {
      const schema = resolveRef(spec, properties[name]);
      const isFile = schema?.type === 'string' && schema.format === 'binary' && typeof value === 'string';
      return [name, isFile ? new File([value], `${name}.txt`, { type: 'text/plain' }) : value];
    }),
  );
}

/**
 * The client's second argument for a call (`params`, `body`, extra `headers`) of `operation` (the
 * spec's operation object).
 */
export function clientInit(spec, operation, call) {
  const body = requestBodyOf(spec, operation, call.body);
  return {
    params: call.params ?? {},
    ...(body === undefined ? {} : { body }),
    ...(call.headers ? { headers: call.headers } : {}),
  };
}

/**
 * Sends each call and yields its fixture, redacted: `{ operationId, case, source, request, response }`.
 * `auth` is `{ token }` or AK/SK credentials (given to akSkAuth); `secrets` are the values to scrub wherever
 * they appear; `keepBinaryBodies` keeps downloaded files as they came (only for a source without
 * personal data, such as the mock). A call that gets no response at all throws, naming the call.
 */
export async function* recordCalls({ calls, baseUrl, auth, secrets = [], spec, fetch, keepBinaryBodies = false }) {
  const operations = operationIndex(spec);
  const capture = capturingFetch(baseUrl, fetch);
  const common = { baseUrl, fetch: capture.fetch, retry: false };
  const clients = {
    withAuth: createOsmClient({ ...common, auth: auth && 'accessKey' in auth ? akSkAuth(auth) : auth }),
    withoutAuth: createOsmClient(common),
  };
  const origin = new URL(baseUrl).origin;

  for (const call of calls) {
    const found = operations.get(call.operationId);
    const name = `${call.operationId}/${call.case}`;
    if (!found) throw new Error(`${name}: the spec has no operation "${call.operationId}"`);
    const client = call.auth === false ? clients.withoutAuth : clients.withAuth;
    try {
      await client[found.method](found.path, clientInit(spec, found.operation, call));
    } catch (error) {
      // The message may quote the URL, and the URL may hold personal data: it is redacted like a fixture.
      throw new Error(`${name}: ${found.method} ${found.path} got no response: ${redactText(String(error.message), secrets)}`);
    }
    const exchange = capture.take();
    if (!exchange) throw new Error(`${name}: the client sent no request`);
    yield redactFixture(
      {
        operationId: call.operationId,
        case: call.case,
        source: call.source ?? `recorded from ${origin} on ${new Date().toISOString().slice(0, 10)}`,
        request: exchange.request,
        response: withBinaryBody(exchange.response, keepBinaryBodies),
      },
      secrets,
    );
  }
}
