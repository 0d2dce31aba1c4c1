// What the page's "Try it" panels are prefilled with, one entry per operation, written at build time to
// dist/try-it/operations.json (fetched by the page on the first "Try it"): the request of the operation's
// code samples (request-example.mjs) as editable text, every parameter it may take, and the names of the
// response examples the mock can answer with (`Prefer: example=<name>`).
import { exampleRequest, FilePart } from './request-example.mjs';
import { deref, operations } from './spec-walk.mjs';

/** The token the panels send: the mock takes any; a reader trying a real proxy types their own. */
export const TRY_IT_TOKEN = 'test-token';
/** The file the panels upload when the reader has chosen none. */
export const TRY_IT_FILE = { name: 'example.txt', type: 'text/plain', text: 'An attachment sent from the docs page.\n' };

/** A parameter's documented example, for a placeholder; undefined when it has none. */
function documentedExample(spec, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {}).map((e) => deref(spec, e)?.value);
  return named[0] ?? deref(spec, parameter.schema)?.example;
}

/** A value as a text field shows it: arrays as the comma list the curl samples send, objects as JSON. */
function asText(value) {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The names of the response examples of an operation, in the order the spec lists them. */
function responseExamples(spec, operation) {
  const names = Object.values(operation.responses ?? {}).flatMap((response) =>
    Object.values(deref(spec, response)?.content ?? {}).flatMap((media) => Object.keys(media.examples ?? {})),
  );
  return [...new Set(names)];
}

/** The body as the panel edits it: JSON text, or multipart fields (a file field uploads TRY_IT_FILE). */
function editableBody(body) {
  if (!body) return undefined;
  if (body.mediaType === 'multipart/form-data') {
    const fields = Object.entries(body.value).map(([name, value]) =>
      value instanceof FilePart ? { name, file: true } : { name, file: false, value: asText(value) },
    );
    return { mediaType: body.mediaType, fields };
  }
  return { mediaType: body.mediaType, text: JSON.stringify(body.value, null, 2) };
}

/**
 * The panel data of every operation of `spec`, keyed by operationId.
 * @returns {Record<string, object>}
 */
export function tryItOperations(spec) {
  const entries = operations(spec).map(([path, method, operation, pathItem]) => {
    const example = exampleRequest(spec, path, method, pathItem, operation);
    const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(spec, p));
    const field = (where) =>
      parameters
        .filter((p) => p.in === where)
        .map((p) => ({
          name: p.name,
          required: Boolean(p.required),
          value: asText(example.params[where]?.[p.name]),
          placeholder: asText(documentedExample(spec, p)),
        }));
    const secured = (operation.security ?? spec.security ?? []).length > 0;
    const headers = [
      ...(secured ? [['X-Auth-Token', TRY_IT_TOKEN]] : []),
      ...Object.entries(example.params.header ?? {}).map(([name, value]) => [name, asText(value)]),
      ...(example.body && example.body.mediaType !== 'multipart/form-data' ? [['Content-Type', example.body.mediaType]] : []),
    ];
    return [
      operation.operationId,
      {
        method: method.toUpperCase(),
        path,
        pathParameters: field('path'),
        query: field('query'),
        headers: headers.map(([name, value]) => `${name}: ${value}`).join('\n'),
        optionalHeaders: field('header')
          .filter((h) => !h.required)
          .map((h) => h.name),
        body: editableBody(example.body),
        examples: responseExamples(spec, operation),
        downloadsFile: example.downloadsFile,
      },
    ];
  });
  return Object.fromEntries(entries);
}
