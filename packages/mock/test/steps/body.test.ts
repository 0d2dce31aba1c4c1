// Reading the body: JSON parsed and bounded in depth, a form parsed once with its files' bytes, other
// media types as text; what cannot be read is refused at once.
import { describe, expect, test } from 'vitest';
import { MAX_NESTING } from '../../src/engine/nesting.js';
import { parseBody } from '../../src/engine/steps/body.js';
import { bodyOf, exchange, request } from './exchange.js';

const put = (contentType: string, body: string | Uint8Array) =>
  exchange(request('PUT', '/v1/gauges/g1', { 'content-type': contentType }, body));

describe('body step', () => {
  test('JSON is parsed', async () => {
    const ex = put('application/json', '{"level":3}');
    expect(await parseBody(ex)).toBeUndefined();
    expect(ex.body).toEqual({ value: { level: 3 } });
  });

  test('malformed JSON, or JSON nested too deep: 400 at once', async () => {
    expect(bodyOf(await parseBody(put('application/json', '{"level":'))).error_msg).toContain('body: must be well-formed JSON');
    const deep = `${'['.repeat(MAX_NESTING + 1)}${']'.repeat(MAX_NESTING + 1)}`;
    expect(bodyOf(await parseBody(put('application/json', deep))).error_msg).toContain(`more than ${MAX_NESTING} deep`);
  });

  test('a JSON null where the schema wants an object is a violation', async () => {
    const ex = put('application/json', 'null');
    expect(await parseBody(ex)).toBeUndefined();
    expect(ex.violations).toEqual([{ where: 'body', rule: 'must be object' }]);
  });

  test('a multipart form keeps its parts in order, files with their bytes', async () => {
    const boundary = 'b0undary';
    const form = [
      `--${boundary}\r\nContent-Disposition: form-data; name="comment"\r\n\r\nhello\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nABC\r\n`,
      `--${boundary}--\r\n`,
    ].join('');
    const ex = put(`multipart/form-data; boundary=${boundary}`, form);
    expect(await parseBody(ex)).toBeUndefined();
    expect(ex.body.form?.map((p) => p.name)).toEqual(['comment', 'file']);
    const file = ex.body.form?.[1]?.value;
    expect(typeof file === 'object' && new TextDecoder().decode(file.bytes)).toBe('ABC');
    expect(bodyOf(await parseBody(put(`multipart/form-data; boundary=${boundary}`, 'not a form'))).error_msg).toContain(
      'well-formed multipart/form-data',
    );
  });

  test('other media types are read as text, and no body leaves the exchange as it was', async () => {
    const ex = put('text/plain', 'level 3');
    await parseBody(ex);
    expect(ex.body).toEqual({ value: 'level 3' });
    const empty = exchange(request('GET', '/v1/gauges/g1'));
    expect(await parseBody(empty)).toBeUndefined();
    expect(empty.body).toEqual({});
  });
});
