// Checks an answer against the schema the bundled spec gives that response.
import { loadSpec } from '@osm-openapi/spec';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

/** A validator of response bodies: the errors of `body` against one response's schema (none: valid). */
export type ResponseValidator = (path: string, method: string, status: string, mediaType: string, body: unknown) => ErrorObject[];

/** Compiles the bundled spec once; schemas are compiled on first use. */
export function responseValidator(): ResponseValidator {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(loadSpec(), 'openapi');
  const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
  return (path, method, status, mediaType, body) => {
    const validate = ajv.getSchema(`openapi#/${pointer('paths', path, method, 'responses', status, 'content', mediaType, 'schema')}`)!;
    return validate(body) ? [] : (validate.errors ?? []);
  };
}
