// Step: the extension point. Each responder (the caller's overrides, then the stateful sandbox) is asked
// in turn with the validated request; the first answer is sent, in OSM's wire format.
import { jsonAnswer } from '../answers.js';
import { formFields } from '../form.js';
import type { Exchange, Step } from '../pipeline.js';
import type { MockResponse, OsmAnswer, Responder, ValidatedRequest } from '../types.js';

const textEncoder = new TextEncoder();

/** The request as responders see it: decoded, list parameters as lists, a form's fields described. */
export function validatedRequest(exchange: Exchange): ValidatedRequest {
  const { operation, query, request, body } = exchange;
  const arrays = new Set(operation.parameters.filter((p) => p.in === 'query' && p.schema.type === 'array').map((p) => p.name));
  const comma = new Set(operation.parameters.filter((p) => p.in === 'query' && p.commaList).map((p) => p.name));
  // An array sent as repeated keys is a list even when it has one item.
  const value = (name: string, values: string[]) =>
    comma.has(name) ? values.flatMap((v) => v.split(',')) : arrays.has(name) || values.length > 1 ? values : values[0]!;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = value;
  return {
    operationId: operation.operationId,
    method: exchange.verb,
    pathTemplate: operation.pathTemplate,
    path: { ...exchange.pathParams },
    query: Object.fromEntries([...query].map(([name, values]) => [name, value(name, values)])),
    headers,
    body: body.form ? formFields(body.form) : body.value,
    prefer: { code: exchange.prefer.code, example: exchange.prefer.example },
    raw: request.body,
    form: body.form,
  };
}

/** A responder's answer on the wire: JSON serialized, bytes as they are; no body for `HEAD`. */
export function wireAnswer(answer: OsmAnswer, cors: Record<string, string>, head: boolean): MockResponse {
  if (!('bytes' in answer)) {
    const response = jsonAnswer(answer.status, answer.body, cors, answer.headers);
    return head ? { ...response, body: undefined } : response;
  }
  const bytes = typeof answer.bytes === 'string' ? textEncoder.encode(answer.bytes) : answer.bytes;
  const headers = { ...cors, ...answer.headers, 'content-type': answer.contentType, 'content-length': String(bytes.byteLength) };
  return { status: answer.status ?? 200, headers, body: head ? undefined : bytes };
}

/** The step asking `responders` in order. */
export function askResponders(responders: readonly Responder[]): Step<Exchange> {
  return async function askEachResponder(exchange) {
    const request = validatedRequest(exchange);
    for (const responder of responders) {
      const answer = await responder(request);
      if (answer) return wireAnswer(answer, exchange.cors, exchange.method === 'HEAD');
    }
    return undefined;
  };
}
