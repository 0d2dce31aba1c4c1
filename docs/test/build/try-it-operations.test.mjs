// The data the "Try it" panels are prefilled with (dist/try-it/operations.json).
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { operations } from '../../scripts/spec-walk.mjs';
import { TRY_IT_TOKEN, tryItOperations } from '../../scripts/try-it-operations.mjs';

const spec = loadSpec();
const panels = tryItOperations(spec);

describe('try-it operations', () => {
  it('has one entry per operation, keyed by operationId, with its method and path', () => {
    expect(Object.keys(panels).sort()).toEqual(
      operations(spec)
        .map(([, , op]) => op.operationId)
        .sort(),
    );
    for (const [path, method, op] of operations(spec)) expect(panels[op.operationId]).toMatchObject({ method: method.toUpperCase(), path });
  });

  it('prefills a JSON body from the first named request example, with its Content-Type and the token', () => {
    const create = panels.createCases;
    expect(create.headers.split('\n')).toEqual([`X-Auth-Token: ${TRY_IT_TOKEN}`, 'Content-Type: application/json']);
    expect(JSON.parse(create.body.text)).toMatchObject({ simple_description: expect.any(String), business_type_id: expect.any(String) });
    expect(create.optionalHeaders).toEqual(expect.arrayContaining(['X-Site', 'X-Language']));
  });

  it('names the response examples the mock can be asked for, in spec order', () => {
    expect(panels.createCases.examples.slice(0, 3)).toEqual(['success', 'reference', 'businessError']);
    expect(panels.createCases.examples).toContain('gatewayError');
  });

  it('prefills required path and query parameters, and offers the optional ones empty with their example as a hint', () => {
    const detail = panels.showCaseDetail;
    expect(detail.pathParameters).toEqual([
      expect.objectContaining({ name: 'case_id', required: true, value: expect.stringMatching(/^CS/) }),
    ]);
    const list = panels.listCases;
    expect(list.query.length).toBeGreaterThan(3);
    for (const parameter of list.query.filter((p) => !p.required)) expect(parameter.value).toBe('');
    // An array parameter is a comma list, as the curl samples send it.
    expect(panels.createCaseLabels.query.find((p) => p.name === 'label_ids').value).toMatch(/^\d+(,\d+)*$/);
  });

  it('describes a multipart body field by field, the file field without a value', () => {
    expect(panels.uploadAccessory.body).toEqual({
      mediaType: 'multipart/form-data',
      fields: [
        { name: 'file', file: true },
        { name: 'form_data', file: false, value: expect.any(String) },
      ],
    });
    expect(panels.uploadAccessory.headers).not.toMatch(/content-type/i); // fetch writes the boundary
  });
});
