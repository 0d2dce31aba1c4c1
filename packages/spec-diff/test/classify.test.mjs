// compareSpecs on small in-memory documents: where this project's policy overrides api-smart-diff, and the
// wording of changes the gate tests do not reach.
import { describe, expect, it } from 'vitest';
import { compareSpecs, groupByOperation } from '../src/classify.mjs';

const errorBody = { type: 'object', properties: { error_code: { type: 'string' }, error_msg: { type: 'string' } } };
const json = (schema) => ({ content: { 'application/json': { schema } } });

/** A document with one operation; `edit` changes a copy of it. */
function pair(edit) {
  const before = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/v2/cases/{case_id}': {
        put: {
          operationId: 'updateCases',
          parameters: [
            { name: 'case_id', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } },
            { name: 'lang', in: 'query', schema: { type: 'string' } },
          ],
          requestBody: json({ $ref: '#/components/schemas/Update' }),
          responses: {
            200: { description: 'ok', ...json({ $ref: '#/components/schemas/Error' }) },
            400: { description: 'bad', ...json({ $ref: '#/components/schemas/Error' }) },
          },
        },
      },
    },
    components: {
      schemas: {
        Update: {
          type: 'object',
          properties: {
            contact: { type: 'string' },
            labels: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } } } },
          },
        },
        Error: errorBody,
      },
      securitySchemes: { token: { type: 'apiKey', in: 'header', name: 'X-Auth-Token' } },
    },
  };
  const after = structuredClone(before);
  edit(after);
  return compareSpecs(before, after).map((c) => `${c.class} | ${c.category} | ${c.operation?.id ?? '-'}: ${c.text}`);
}

describe('compareSpecs', () => {
  it('calls a removed request field breaking (the typed client stops compiling calls that set it)', () => {
    expect(pair((d) => delete d.components.schemas.Update.properties.contact)).toEqual([
      'breaking | removed | updateCases: request body field `contact` was removed — breaking for callers that send it',
    ]);
  });

  it('calls added tags and named examples documentation-only, but not a field that is named tags', () => {
    expect(
      pair((d) => {
        d.tags = [{ name: 'Tickets', description: 't' }];
        d.paths['/v2/cases/{case_id}'].put.tags = ['Tickets'];
        d.paths['/v2/cases/{case_id}'].put.responses[200].content['application/json'].examples = { success: { value: {} } };
      }).map((line) => line.split(' | ')[0]),
    ).toEqual(['documentation-only', 'documentation-only', 'documentation-only']);
    // A request body field named `tags` is a field like any other.
    expect(pair((d) => (d.components.schemas.Update.properties.tags = { type: 'string' }))).toEqual([
      expect.stringMatching(/^non-breaking \| added \| updateCases: request body field `tags`/),
    ]);
  });

  it('names nested fields with dots and [] for list items', () => {
    expect(pair((d) => (d.components.schemas.Update.properties.labels.items.properties.id.type = 'string'))).toEqual([
      'breaking | changed | updateCases: request body field `labels[].id` changed type from `integer` to `string` — breaking for callers that send the old type',
    ]);
  });

  it('reads one change to a schema shared by several responses as one line', () => {
    expect(pair((d) => delete d.components.schemas.Error.properties.error_msg)).toEqual([
      'breaking | removed | updateCases: response 200, 400 field `error_msg` was removed — breaking for code that reads it',
    ]);
  });

  it('reads an enum that appears as a narrowing of the request, and one that disappears as a widening', () => {
    expect(pair((d) => (d.components.schemas.Update.properties.contact.enum = ['mail', 'phone']))).toEqual([
      'breaking | changed | updateCases: request body field `contact` is now limited to `mail`, `phone` — breaking for callers that send it',
    ]);
    expect(pair((d) => (d.components.schemas.Error.properties.error_code.enum = ['OSM.0001']))).toEqual([
      'non-breaking | changed | updateCases: response 200, 400 field `error_code` is now limited to `OSM.0001`',
    ]);
  });

  it('words parameter changes: a constraint, a parameter becoming required', () => {
    expect(
      pair((d) => {
        const [id, lang] = d.paths['/v2/cases/{case_id}'].put.parameters;
        id.schema.maxLength = 32;
        lang.required = true;
      }),
    ).toEqual([
      'breaking | changed | updateCases: path parameter `case_id`: `maxLength` changed from `64` to `32` — breaking for existing callers',
      'breaking | changed | updateCases: query parameter `lang` became required — breaking for callers that omit it',
    ]);
  });

  it('treats vendor extensions as documentation, and reports security schemes as API-wide', () => {
    expect(
      pair((d) => {
        d.paths['/v2/cases/{case_id}'].put['x-renamed-fields'] = { a: 'b' };
        d.components.securitySchemes.token.name = 'X-Token';
      }),
    ).toEqual([
      "documentation-only | changed | updateCases: the operation's x-renamed-fields changed",
      'breaking | changed | -: security scheme `token`: `name` changed from `X-Auth-Token` to `X-Token` — breaking for existing callers',
    ]);
  });

  it('leaves the documents it compares as they were, so each can be compared again', () => {
    const parameters = [{ name: 'lang', in: 'query', required: false, schema: { type: 'string' } }];
    const responses = { 200: { description: 'ok', ...json({ allOf: [{ $ref: '#/components/schemas/Error' }, { description: 'd' }] }) } };
    const before = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/a': { get: { operationId: 'a', parameters, responses } } },
      components: { schemas: { Error: errorBody } },
    };
    const after = structuredClone(before);
    after.components.schemas.Error.properties.error_code.type = 'integer';
    const copies = [structuredClone(before), structuredClone(after)];
    const first = compareSpecs(before, after);
    expect([before, after]).toEqual(copies);
    expect(compareSpecs(before, after)).toEqual(first);
    expect(compareSpecs(after, after)).toEqual([]);
  });

  it('groups per operation with the API-wide changes first and breaking changes first inside a group', () => {
    const before = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': { get: { operationId: 'b', responses: {} } } } };
    const after = structuredClone(before);
    after.info.version = '2';
    after.paths['/a'].get.summary = 'A';
    after.paths['/z'] = { get: { operationId: 'a', responses: {} } };
    delete after.paths['/a'].get;
    after.paths['/a'].post = { operationId: 'b2', responses: {} };
    const groups = groupByOperation(compareSpecs(before, after));
    expect(groups.map((g) => g.title)).toEqual(['Whole API', 'a', 'b', 'b2']);
    expect(groups[0].changes.map((c) => c.text)).toEqual(["the API's info: `version` changed from `1` to `2`"]);
  });
});
