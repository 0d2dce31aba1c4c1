// Builds the two code samples Redoc shows for each operation (x-codeSamples): a TypeScript call through
// @osm-openapi/client and a curl command. Values come from the spec's own examples, so a sample is only
// as right as the spec - and every operation gets one without anyone writing 84 by hand.

const ENDPOINT = 'https://osm.ap-southeast-3.myhuaweicloud.com';

/** Resolves a local `#/components/...` reference of the bundled spec. */
export function deref(spec, node) {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((obj, key) => obj?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return current;
}

/** A value for a parameter: its example, its schema's example, default or first enum value. */
function sampleValue(spec, parameter) {
  const schema = deref(spec, parameter.schema) ?? {};
  const examples = parameter.examples ? Object.values(parameter.examples).map((e) => deref(spec, e)?.value) : [];
  const candidates = [parameter.example, examples[0], schema.example, schema.default, schema.enum?.[0]];
  const found = candidates.find((v) => v !== undefined);
  if (found !== undefined) return found;
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'array') return [deref(spec, schema.items)?.example ?? 'value'];
  return parameter.name.endsWith('id') ? `${parameter.name}-123` : 'value';
}

/** The request body example to show: the first named example of the first content type. */
function sampleBody(spec, operation) {
  const body = deref(spec, operation.requestBody);
  if (!body?.content) return undefined;
  const [mediaType, media] = Object.entries(body.content)[0];
  const example = media.examples ? deref(spec, Object.values(media.examples)[0])?.value : media.example;
  return { mediaType, example, schema: deref(spec, media.schema) };
}

function indent(text, spaces) {
  return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

function tsLiteral(value) {
  return JSON.stringify(value, null, 2).replace(/"([A-Za-z_$][\w$]*)":/g, '$1:');
}

/** The parameters an example call passes: all path parameters and the required query ones. */
function callParameters(spec, pathItem, operation) {
  const all = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(spec, p));
  const params = {};
  for (const p of all) {
    if (p.in === 'path' || (p.in === 'query' && p.required)) {
      params[p.in] ??= {};
      params[p.in][p.name] = sampleValue(spec, p);
    }
  }
  return params;
}

/** TypeScript sample: one typed call through @osm-openapi/client. */
export function typescriptSample(spec, path, method, pathItem, operation) {
  const params = callParameters(spec, pathItem, operation);
  const body = sampleBody(spec, operation);
  const init = [];
  if (Object.keys(params).length) init.push(`params: ${indent(tsLiteral(params), 2)}`);
  if (body?.mediaType === 'application/json' && body.example !== undefined) init.push(`body: ${indent(tsLiteral(body.example), 2)}`);
  if (body?.mediaType === 'multipart/form-data') {
    init.push(`body: ${indent(tsLiteral(Object.fromEntries(Object.keys(body.schema?.properties ?? {}).map((k) => [k, `<${k}>`]))), 2)}`);
    init.push('bodySerializer: toFormData');
  }
  const call = init.length ? `client.${method.toUpperCase()}('${path}', {\n  ${init.join(',\n  ')},\n})` : `client.${method.toUpperCase()}('${path}')`;
  return [
    `import { createOsmClient${body?.mediaType === 'multipart/form-data' ? ', toFormData' : ''} } from '@osm-openapi/client';`,
    '',
    "const client = createOsmClient({ auth: { token: process.env.OSM_TOKEN! } });",
    '',
    `const { data, error } = await ${call};`,
    `if (error) throw error; // OsmError: error.code, error.message, error.solution`,
    'console.log(data);',
  ].join('\n');
}

function shellQuote(text) {
  return `'${String(text).replace(/'/g, "'\\''")}'`;
}

/** curl sample: the same request on the wire, token from $OSM_TOKEN. */
export function curlSample(spec, path, method, pathItem, operation) {
  const params = callParameters(spec, pathItem, operation);
  let url = path.replace(/\{([^}]+)\}/g, (_, name) => encodeURIComponent(String(params.path?.[name] ?? name)));
  const query = Object.entries(params.query ?? {}).map(
    ([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(Array.isArray(v) ? v.join(',') : String(v))}`,
  );
  if (query.length) url += `?${query.join('&')}`;
  const lines = [`curl -X ${method.toUpperCase()} ${shellQuote(ENDPOINT + url)}`, '  -H "X-Auth-Token: $OSM_TOKEN"'];
  const body = sampleBody(spec, operation);
  if (body?.mediaType === 'application/json' && body.example !== undefined) {
    lines.push("  -H 'Content-Type: application/json'", `  -d ${shellQuote(JSON.stringify(body.example))}`);
  }
  if (body?.mediaType === 'multipart/form-data') {
    for (const [name, prop] of Object.entries(body.schema?.properties ?? {})) {
      lines.push(`  -F ${shellQuote(`${name}=${deref(spec, prop)?.format === 'binary' ? '@./file.png' : `<${name}>`}`)}`);
    }
  }
  return lines.join(' \\\n');
}
