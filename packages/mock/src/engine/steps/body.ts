// Step: the body is read by its media type — JSON (bounded in depth), a multipart form (parsed once, its
// files kept as bytes), or text. A body that cannot be read is refused at once; a JSON `null` where the
// schema wants an object is a violation (Prism's validator would take it for no body at all).
import { refusal } from '../answers.js';
import { isJson, mediaTypeOf } from '../media-type.js';
import { readMultipart } from '../multipart.js';
import { MAX_NESTING, nestsDeeperThan } from '../nesting.js';
import type { Schema } from '../operation-model.js';
import type { Exchange } from '../pipeline.js';
import { textPartsForFiles } from '../request-checks.js';

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The schema of the body the request's `Content-Type` names, if the operation has one. */
export function bodySchema({ operation, request }: Exchange): Schema | undefined {
  const contentType = mediaTypeOf(request.headers['content-type']);
  return operation.bodies.find((b) => b.mediaType === contentType)?.schema;
}

export async function parseBody(exchange: Exchange) {
  const { request, cors } = exchange;
  const bytes = request.body;
  if (!bytes?.byteLength) return undefined;
  const contentTypeHeader = request.headers['content-type'];
  const contentType = mediaTypeOf(contentTypeHeader);
  const schema = bodySchema(exchange);
  if (contentType === 'multipart/form-data') {
    const form = await readMultipart(bytes, contentTypeHeader ?? '');
    if (!form) return refusal(400, [{ where: 'body', rule: 'must be well-formed multipart/form-data' }, ...exchange.violations], cors);
    exchange.body = { form };
    if (schema) exchange.violations.push(...textPartsForFiles(schema, form));
    return undefined;
  }
  const text = utf8.decode(bytes);
  if (!isJson(contentType)) {
    exchange.body = { value: text };
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refusal(400, [{ where: 'body', rule: 'must be well-formed JSON' }, ...exchange.violations], cors);
  }
  if (nestsDeeperThan(value, MAX_NESTING))
    return refusal(
      400,
      [{ where: 'body', rule: `must NOT nest objects and arrays more than ${MAX_NESTING} deep` }, ...exchange.violations],
      cors,
    );
  exchange.body = { value };
  const types = [schema?.type ?? []].flat();
  if (value === null && types.length && !types.includes('null') && !schema?.nullable)
    exchange.violations.push({ where: 'body', rule: `must be ${types.join(',')}` });
  return undefined;
}
