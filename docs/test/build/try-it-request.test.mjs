// How a "Try it" panel turns what the reader typed into the call it sends (docs/try-it/request.mjs).
import { describe, expect, it } from 'vitest';
import { buildRequest, InputError, parseHeaders, preferredExample, withPreferExample } from '../../try-it/request.mjs';

const detail = { method: 'GET', path: '/v2/servicerequest/cases/{case_id}' };
const create = { method: 'POST', path: '/v2/servicerequest/cases', body: { mediaType: 'application/json' } };
const upload = { method: 'POST', path: '/v2/servicerequest/accessorys', body: { mediaType: 'multipart/form-data' } };
const input = { base: 'http://127.0.0.1:8080/osm-openapi/mock/', path: {}, query: {}, headers: '' };

describe('try-it request', () => {
  it('fills the path, encodes it and the query, leaves empty query fields out, keeps the base path', () => {
    const { url, init } = buildRequest(detail, {
      ...input,
      path: { case_id: 'CS 1/2' },
      query: { language: 'en-us', limit: '', ids: '1,2' },
    });
    expect(url).toBe('http://127.0.0.1:8080/osm-openapi/mock/v2/servicerequest/cases/CS%201%2F2?language=en-us&ids=1%2C2');
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
  });

  it('refuses an empty path parameter, naming it, instead of calling another path', () => {
    expect(() => buildRequest(detail, { ...input, path: { case_id: '' } })).toThrow(new InputError('The path parameter case_id is empty.'));
  });

  it('sends a JSON body as typed, so that the server judges it', () => {
    const { init } = buildRequest(create, { ...input, headers: 'Content-Type: application/json', body: '{ not json' });
    expect(init.body).toBe('{ not json');
    expect(init.headers.get('content-type')).toBe('application/json');
  });

  it('sends a multipart body as FormData, leaving its Content-Type (with the boundary) to fetch', () => {
    const file = new File(['x'], 'a.txt');
    const { init } = buildRequest(upload, { ...input, headers: 'Content-Type: multipart/form-data', fields: { file, form_data: '{}' } });
    expect(init.body.get('file')).toBe(file);
    expect(init.body.get('form_data')).toBe('{}');
    expect(init.headers.has('content-type')).toBe(false);
  });

  it('reads one header a line, skipping blank lines, and refuses a line without a name', () => {
    expect(parseHeaders('X-Auth-Token: t\n\n  X-Site :1 \n')).toEqual([
      ['X-Auth-Token', 't'],
      ['X-Site', '1'],
    ]);
    expect(() => parseHeaders('X-Auth-Token: t\nnot a header')).toThrow('Header line 2 is not "Name: value": not a header');
  });

  it('puts the chosen example in one Prefer line, and reads it back', () => {
    const headers = withPreferExample('X-Auth-Token: t\nPrefer: code=401', 'businessError');
    expect(headers).toBe('X-Auth-Token: t\nPrefer: example=businessError');
    expect(preferredExample(headers)).toBe('businessError');
    expect(withPreferExample(headers, '')).toBe('X-Auth-Token: t');
    expect(preferredExample('X-Auth-Token: t')).toBe('');
  });
});
