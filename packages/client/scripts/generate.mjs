// Generates everything in src/generated/ from the bundled spec (@osm-openapi/spec's dist):
//   openapi.ts         the `paths`/`components`/`operations` types (openapi-typescript), binary as Blob
//   operations.ts      what the runtime must know per operation and the spec says: array query styles,
//                      multipart bodies, binary responses, and how list operations page
//   error-catalogue.ts the error-code catalogue (code -> description, solution)
// Nothing here is edited by hand; fix the spec and re-run `pnpm run generate`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_HEADER as HEADER, openapiTypes } from './openapi-types.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'src', 'generated');
const require = createRequire(import.meta.url);
const readJson = (specifier) => JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));

const spec = readJson('@osm-openapi/spec/openapi.json');
const catalogue = readJson('@osm-openapi/spec/error-codes.json');
const METHODS = ['get', 'put', 'post', 'delete'];

/** Follows a local `$ref` (the bundle has only `#/components/...` ones). */
function resolve(node) {
  let current = node;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((object, key) => object[key], spec);
  }
  return current;
}

const isBinary = (schema) => {
  const resolved = resolve(schema);
  return resolved?.type === 'string' && resolved.format === 'binary';
};

/** Array query parameters and how the spec serializes them (OpenAPI's default is form + explode). */
function arrayQueryStyles(parameters) {
  const styles = {};
  for (const parameter of parameters) {
    if (parameter.in !== 'query') continue;
    const schema = resolve(parameter.schema);
    if (schema?.type === 'object') {
      throw new Error(`query parameter ${parameter.name} is an object; the client serializes only primitives and arrays`);
    }
    if (schema?.type === 'array') {
      styles[parameter.name] = { style: parameter.style ?? 'form', explode: parameter.explode ?? (parameter.style ?? 'form') === 'form' };
    }
  }
  return styles;
}

/** The first result schema of a 200 JSON response, without the OsmErrorBody alternative. */
function resultSchema(operation) {
  const schema = resolve(operation.responses?.['200']?.content?.['application/json']?.schema);
  const alternatives = schema?.anyOf ?? schema?.oneOf ?? [schema];
  return alternatives.map(resolve).find((alternative) => alternative && !alternative.properties?.error_code);
}

/**
 * How a GET list operation pages, or undefined: it takes offset/limit (v2) or pageNo/pageSize (v1.0) and
 * its result has exactly one array property (the items) and at most one integer one (the total).
 */
function pagingOf(_path, operation, parameters) {
  const query = Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, resolve(p.schema)]));
  const style =
    query.offset && query.limit
      ? { paging: 'offset', start: 'offset', size: 'limit' }
      : query.pageNo && query.pageSize
        ? { paging: 'page', start: 'pageNo', size: 'pageSize' }
        : undefined;
  const properties = Object.entries(resultSchema(operation)?.properties ?? {}).map(([name, schema]) => [name, resolve(schema)]);
  const arrays = properties.filter(([, schema]) => schema.type === 'array');
  const integers = properties.filter(([, schema]) => schema.type === 'integer');
  if (!style || arrays.length !== 1) return undefined;
  const startSchema = query[style.start];
  return {
    paging: style.paging,
    first: startSchema.minimum ?? startSchema.default ?? 0,
    maxPageSize: query[style.size].maximum,
    items: arrays[0][0],
    total: integers.length === 1 ? integers[0][0] : undefined,
  };
}

const operations = {};
const paged = {};
for (const [path, pathItem] of Object.entries(spec.paths)) {
  for (const method of METHODS) {
    const operation = pathItem[method];
    if (!operation) continue;
    const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(resolve);
    const meta = {};
    const styles = arrayQueryStyles(parameters);
    if (Object.keys(styles).length) meta.arrayQuery = styles;
    if (resolve(operation.requestBody)?.content?.['multipart/form-data']) meta.multipart = true;
    if (Object.values(operation.responses?.['200']?.content ?? {}).some((media) => isBinary(media.schema))) meta.binary = true;
    if (Object.keys(meta).length) operations[`${method.toUpperCase()} ${path}`] = meta;
    const paging = method === 'get' ? pagingOf(path, operation, parameters) : undefined;
    if (paging) paged[path] = paging;
  }
}

// Only what OsmError adds to a response's own error_code/error_msg: the rest stays out of the bundle.
const entries = Object.fromEntries(catalogue.map(({ code, description, solution }) => [code, { description, solution }]));

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'openapi.ts'), await openapiTypes(spec));
writeFileSync(
  join(outDir, 'operations.ts'),
  `${HEADER}
/** Per operation ("METHOD /path"), what the spec says the runtime must do differently from the defaults. */
export const operationTraits = ${JSON.stringify(operations, null, 2)} as const;

/** List operations (GET paths) that page, how, and where their items and total are. */
export const pagedOperations = ${JSON.stringify(paged, null, 2)} as const;
`,
);
writeFileSync(
  join(outDir, 'error-catalogue.ts'),
  `${HEADER}
/** The OSM error-code catalogue (spec/error-codes.yaml, table 7.1 of the reference): what each code means and what to do. */
export const errorCatalogue = ${JSON.stringify(entries, null, 2)} as const;
`,
);
console.log(
  `generate: ${Object.keys(spec.paths).length} paths, ${Object.keys(operations).length} operations with traits, ${Object.keys(paged).length} paged, ${catalogue.length} error codes -> src/generated/`,
);
