// Writes the TypeScript a consumer of @osm-openapi/client would write: one typed call per operation of the
// bundled spec, with the required parameters and the request body taken from the spec's own examples.
const METHODS = ['get', 'put', 'post', 'delete'];

/** Follows `$ref`s within the bundled document. */
function resolver(spec) {
  return (node) => {
    let current = node;
    while (current && typeof current.$ref === 'string') {
      current = current.$ref
        .slice(2)
        .split('/')
        .reduce((object, key) => object[key], spec);
    }
    return current;
  };
}

/** A parameter's example value: its own, else its schema's, else the first of its schema's enum. */
function parameterExample(parameter, resolve) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {})[0];
  if (named) return resolve(named).value;
  const schema = resolve(parameter.schema);
  if (schema?.example !== undefined) return schema.example;
  if (schema?.enum) return schema.enum[0];
  throw new Error(`parameter ${parameter.name} has no example to call it with`);
}

/** The request body example of an operation, preferring JSON; undefined when it takes no body. */
function bodyExample(operation, resolve) {
  const requestBody = resolve(operation.requestBody);
  if (!requestBody) return undefined;
  const [mediaType, content] = Object.entries(requestBody.content).sort(([a]) => (a === 'application/json' ? -1 : 1))[0];
  const named = Object.values(content.examples ?? {})[0];
  const example = named ? resolve(named).value : content.example;
  if (example === undefined) throw new Error(`${operation.operationId}: the ${mediaType} body has no example`);
  return { mediaType, example, schema: resolve(content.schema) };
}

/** Multipart bodies carry files: binary properties become Blobs, as the client's types say. */
function multipartBody(body, resolve) {
  const entries = Object.entries(body.example).map(([name, value]) => {
    const property = resolve(body.schema?.properties?.[name]);
    const isFile = property?.type === 'string' && property.format === 'binary';
    return `${JSON.stringify(name)}: ${isFile ? `new Blob(['bench'])` : JSON.stringify(value)}`;
  });
  return `{ ${entries.join(', ')} }`;
}

/** Every operation of the spec as `{ operationId, method, path, init }`, `init` being TypeScript source. */
export function operationCalls(spec) {
  const resolve = resolver(spec);
  const calls = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const params = {};
      for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])].map(resolve)) {
        if (!parameter.required) continue;
        (params[parameter.in] ??= {})[parameter.name] = parameterExample(parameter, resolve);
      }
      const parts = [];
      if (Object.keys(params).length) parts.push(`params: ${JSON.stringify(params)}`);
      const body = bodyExample(operation, resolve);
      if (body)
        parts.push(`body: ${body.mediaType === 'multipart/form-data' ? multipartBody(body, resolve) : JSON.stringify(body.example)}`);
      calls.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        init: parts.length ? `{ ${parts.join(', ')} }` : '',
      });
    }
  }
  return calls;
}

/**
 * The consumer module: a client, then one call per operation whose result is destructured and used.
 * @param {Record<string, any>} spec the bundled OpenAPI document
 * @param {{ only?: number }} options `only: n` keeps the first n operations (a baseline file)
 */
export function consumerSource(spec, { only } = {}) {
  const calls = operationCalls(spec).slice(0, only);
  const lines = [
    "import { createOsmClient } from '@osm-openapi/client';",
    '',
    'declare function report(operation: string, data: unknown, error: unknown): void;',
    '',
    "const client = createOsmClient({ baseUrl: 'http://127.0.0.1:4010', auth: { token: 'bench' } });",
    '',
    'export async function callEveryOperation(): Promise<void> {',
  ];
  for (const call of calls) {
    const args = [JSON.stringify(call.path), call.init].filter(Boolean).join(', ');
    lines.push(
      '  {',
      `    const { data, error } = await client.${call.method}(${args});`,
      `    report('${call.operationId}', data, error);`,
      '  }',
    );
  }
  lines.push('}', '');
  return { source: lines.join('\n'), operations: calls.length };
}
