// The example request each operation's code samples show, taken from the spec's own examples: path and
// required query/header parameters, the body (the first named request example, or for multipart forms one
// value per field with files as FilePart), and whether the answer is a file.
import { deref } from './spec-walk.mjs';

/** A file field of a multipart body: the samples read it from `./<fileName>`. */
export class FilePart {
  /** @param {string} fileName */
  constructor(fileName) {
    this.fileName = fileName;
  }
}

const SAMPLE_FILE = 'screenshot.png';

/** A value for a schema: its example, default or first enum value, else a placeholder of its type. */
function schemaValue(spec, schemaOrRef, name) {
  const schema = deref(spec, schemaOrRef) ?? {};
  const found = [schema.example, schema.default, schema.enum?.[0]].find((v) => v !== undefined);
  if (found !== undefined) return found;
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array') return [schemaValue(spec, schema.items, name)];
  return `${name}-example`;
}

/** A value for a parameter: its own example, its first named example, else one from its schema. */
function parameterValue(spec, parameter) {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {}).map((e) => deref(spec, e)?.value);
  return named[0] !== undefined ? named[0] : schemaValue(spec, parameter.schema, parameter.name);
}

/** The body to show: the first named example of the first media type; multipart forms field by field. */
function exampleBody(spec, operation) {
  const body = deref(spec, operation.requestBody);
  if (!body?.content) return undefined;
  const [mediaType, media] = Object.entries(body.content)[0];
  if (mediaType === 'multipart/form-data') {
    const schema = deref(spec, media.schema) ?? {};
    const fields = Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const resolved = deref(spec, property);
      return [name, resolved?.format === 'binary' ? new FilePart(SAMPLE_FILE) : schemaValue(spec, resolved, name)];
    });
    return { mediaType, value: Object.fromEntries(fields) };
  }
  const named = Object.values(media.examples ?? {}).map((e) => deref(spec, e)?.value);
  const value = named[0] !== undefined ? named[0] : media.example;
  return value === undefined ? undefined : { mediaType, value };
}

/**
 * The example request of one operation.
 * @returns {{ method: string, path: string, params: Record<string, Record<string, unknown>>,
 *   body?: { mediaType: string, value: unknown }, downloadsFile: boolean }}
 */
export function exampleRequest(spec, path, method, pathItem, operation) {
  const params = {};
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((p) => deref(spec, p))) {
    if (parameter.required && parameter.in !== 'cookie') {
      params[parameter.in] ??= {};
      params[parameter.in][parameter.name] = parameterValue(spec, parameter);
    }
  }
  const success = deref(spec, operation.responses?.['200']);
  const downloadsFile = Object.keys(success?.content ?? {}).some((type) => type !== 'application/json');
  return { method, path, params, body: exampleBody(spec, operation), downloadsFile };
}
