// Issue 24, "the stateful store has no memory bound": OSM's own limits on uploads (OSM.01010005, one
// file's size and the day's total), a bound on the whole store with a clear answer, and a reset that
// gives it all back.
import { describe, expect, test } from 'vitest';
import { ATTACHMENT_MAX_BYTES, DAILY_UPLOAD_BYTES } from '../../src/stateful/limits.js';
import { sandboxClient } from '../support/sandbox-client.js';

const UPLOAD = '/v2/servicerequest/accessorys/json-format-content';
const LIMIT = { error_code: 'OSM.01010005', error_msg: 'Upload accessory size exceeded limit today.' };
const upload = (bytes: number) => ({ json: { accessory_name: 'a.bin', accessory_data: Buffer.alloc(bytes, 7).toString('base64') } });
const form = (bytes: number) => {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes)]), 'big.bin');
  body.append('form_data', '{}');
  return { form: body };
};
const TICKET = { json: { business_type_id: 'b', simple_description: 'x'.repeat(1000), source_id: 's' } };

describe('upload limits (OSM.01010005)', () => {
  test(`a file over ${ATTACHMENT_MAX_BYTES} bytes is refused and not kept, as form data or as Base64`, async () => {
    const { call, sandbox } = sandboxClient({ seed: {} });
    expect((await call('POST', '/v2/servicerequest/accessorys', form(ATTACHMENT_MAX_BYTES + 1))).json).toEqual(LIMIT);
    expect((await call('POST', UPLOAD, upload(ATTACHMENT_MAX_BYTES + 1))).json).toEqual(LIMIT);
    expect((await call('POST', UPLOAD, upload(ATTACHMENT_MAX_BYTES))).json).toHaveProperty('accessory_id');
    expect(sandbox.state().accessories).toHaveLength(1);
  });

  test("the day's total: refused once reached, counted again the next day (UTC) and after a reset", async () => {
    let now = new Date('2026-03-01T23:00:00Z');
    const { call, sandbox } = sandboxClient({ seed: {}, now: () => now });
    for (let uploaded = 0; uploaded < DAILY_UPLOAD_BYTES; uploaded += ATTACHMENT_MAX_BYTES) {
      expect((await call('POST', UPLOAD, upload(ATTACHMENT_MAX_BYTES))).json).toHaveProperty('accessory_id');
    }
    expect((await call('POST', UPLOAD, upload(1))).json).toEqual(LIMIT);
    now = new Date('2026-03-02T00:00:01Z');
    expect((await call('POST', UPLOAD, upload(1))).json).toHaveProperty('accessory_id');
    for (let uploaded = 1; uploaded + ATTACHMENT_MAX_BYTES <= DAILY_UPLOAD_BYTES; uploaded += ATTACHMENT_MAX_BYTES)
      await call('POST', UPLOAD, upload(ATTACHMENT_MAX_BYTES));
    expect((await call('POST', UPLOAD, upload(ATTACHMENT_MAX_BYTES))).json).toEqual(LIMIT);
    sandbox.reset();
    expect((await call('POST', UPLOAD, upload(ATTACHMENT_MAX_BYTES))).json).toHaveProperty('accessory_id');
  });
});

describe('the bound of the whole store', () => {
  const maxBytes = 64 * 1024;

  test('once full, what would add to it is 507 saying so; what reads or removes still works; a reset empties it', async () => {
    const { call, sandbox } = sandboxClient({ seed: {}, maxBytes });
    const created: string[] = [];
    let answer = await call('POST', '/v2/servicerequest/cases', TICKET);
    while (answer.json.incident_id) {
      created.push(answer.json.incident_id);
      answer = await call('POST', '/v2/servicerequest/cases', TICKET);
    }
    expect(created.length).toBeGreaterThan(10);
    expect(answer.json).toEqual({
      error_code: 'OSM.0004',
      error_msg:
        "The mock's stateful store is full: it holds at most 64 KiB of tickets, messages, labels and attachments. POST /__osm/reset empties it.",
    });
    expect(
      (
        (await sandbox.respond({
          operationId: 'createLabels',
          path: {},
          query: {},
          headers: {},
          body: { name: 'n', color: '#000000' },
        })) as { status?: number }
      )?.status,
    ).toBe(507);
    expect((await call('GET', `/v2/servicerequest/cases/${created[0]}/status`)).json).toEqual({ status: 0 });
    sandbox.reset();
    expect((await call('POST', '/v2/servicerequest/cases', TICKET)).json).toHaveProperty('incident_id');
  });

  test('a seed larger than the store is refused, naming both sizes, and the store is unchanged', () => {
    const { sandbox } = sandboxClient({ seed: { cases: [{ incident_id: 'CS1', status: 0 }] }, maxBytes });
    const cases = Array.from({ length: 100 }, (_, i) => ({
      incident_id: `CS${i + 2}`,
      status: 0 as const,
      simple_description: 'x'.repeat(1000),
    }));
    expect(() => sandbox.reset({ cases })).toThrow(/the seed holds 114 KiB, more than the mock's store takes \(64 KiB\)/);
    expect(sandbox.state().cases.map((c) => c.incident_id)).toEqual(['CS1']);
  });
});
