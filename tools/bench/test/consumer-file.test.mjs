// The consumer file of the types measurement: one call per operation, built from the spec's examples.
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { consumerSource, operationCalls } from '../consumer-file.mjs';

const spec = loadSpec();

describe('the consumer file', () => {
  it('calls every operation of the spec once', () => {
    const calls = operationCalls(spec);
    expect(calls).toHaveLength(95);
    expect(new Set(calls.map((c) => c.operationId)).size).toBe(95);
    expect(consumerSource(spec).source.match(/await client\.(GET|PUT|POST|DELETE)\(/g)).toHaveLength(95);
  });

  it('passes the required parameters and the body from the examples, and files as Blobs', () => {
    const byId = Object.fromEntries(operationCalls(spec).map((c) => [c.operationId, c]));
    expect(byId.showCaseStatus).toMatchObject({ method: 'GET', path: '/v2/servicerequest/cases/{case_id}/status' });
    expect(byId.showCaseStatus.init).toMatch(/^\{ params: \{"path":\{"case_id":"[^"]+"\}\} \}$/);
    const multipart = operationCalls(spec).filter((c) => c.init.includes('new Blob('));
    expect(multipart.length).toBeGreaterThan(0);
    expect(operationCalls(spec).filter((c) => c.init === '').length).toBeGreaterThan(0);
  });

  it('keeps the first operations only for the baseline file', () => {
    const { source, operations } = consumerSource(spec, { only: 1 });
    expect(operations).toBe(1);
    expect(source.match(/await client\./g)).toHaveLength(1);
  });
});
