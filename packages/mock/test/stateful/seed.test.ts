import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, test } from 'vitest';
import { createSandbox } from '../../src/stateful/sandbox.js';
import { SeedError, type SpecDocument, seedFromExamples } from '../../src/stateful/seed.js';
import { readSeedFile } from '../../src/stateful/seed-file.js';
import { sandboxClient } from '../support/sandbox-client.js';
import { tempFolder } from '../support/temp-folder.js';

const document = loadSpec() as SpecDocument;

describe('seeding', () => {
  // The spec's examples, read here too, so that the expectations follow the examples when they change.
  const example = (name: string) => document.components?.examples?.[name]?.value as Record<string, unknown>;
  const listed = example('ListCasesResponseExample').incident_info_list as { incident_id: string; label_list: { label_id: number }[] }[];
  const detailed = example('ShowCaseDetailResponseExample').incident_detail_info as {
    incident_id: string;
    status: number;
    judgement: string;
    message_list: unknown[];
  };
  const labels = example('ListLabelsResponseExample').label_list as { label_id: number }[];

  test("by default the store holds the tickets and labels of the spec's examples, one ticket per ID", async () => {
    const { call } = sandboxClient();
    const ids = [...new Set([...listed.map((c) => c.incident_id), detailed.incident_id])].sort();
    const list = (await call('GET', '/v2/servicerequest/cases')).json;
    expect(list.incident_info_list.map((c: { incident_id: string }) => c.incident_id).sort()).toEqual(ids);
    // The showCaseDetail example's ticket, with its status, message and rating (the detail wins over the list's entry).
    const detail = (await call('GET', `/v2/servicerequest/cases/${detailed.incident_id}`)).json.incident_detail_info;
    expect(detail).toMatchObject({
      status: detailed.status,
      judgement: detailed.judgement,
      incident_satisfaction: [{ satisfaction_id: 1 }],
    });
    expect(detail.message_list).toHaveLength(detailed.message_list.length);
    // The listCases example's first ticket carries the labels of its label_list, as the listLabels example has them.
    const first = listed[0]!;
    const carried = (await call('GET', `/v2/servicerequest/cases/${first.incident_id}/labels`)).json.case_label_list;
    expect(carried.map((l: { label_id: number }) => l.label_id)).toEqual(first.label_list.map((l) => l.label_id));
    expect((await call('GET', '/v2/servicerequest/labels')).json.label_list).toEqual(expect.arrayContaining(labels));
  });

  test('the examples seed merges the listCases and showCaseDetail tickets and takes the listLabels labels', () => {
    const seed = seedFromExamples(document);
    expect(seed.cases?.find((c) => c.incident_id === listed[0]!.incident_id)).toMatchObject({
      label_ids: listed[0]!.label_list.map((l) => l.label_id),
    });
    expect(seed.cases?.find((c) => c.incident_id === detailed.incident_id)).toMatchObject({
      status: detailed.status,
      judgement: detailed.judgement,
    });
    expect(seed.labels).toEqual(expect.arrayContaining(labels));
  });

  test('a seed file is read and its tickets served', async () => {
    const folder = tempFolder();
    const file = join(folder, 'seed.json');
    writeFileSync(
      file,
      JSON.stringify({ cases: [{ incident_id: 'CS20250101000001', status: 17, simple_description: 'waiting for you' }] }),
    );
    const { call } = sandboxClient({ seed: readSeedFile(file) });
    expect((await call('GET', '/v2/servicerequest/cases/CS20250101000001/status')).json).toEqual({ status: 17 });
    expect((await call('GET', '/v2/servicerequest/cases')).json.total_count).toBe(1);
  });

  test('an unreadable or non-JSON seed file is a SeedError naming the file', () => {
    const folder = tempFolder();
    expect(() => readSeedFile(join(folder, 'missing.json'))).toThrow(/Cannot read the seed file .*missing\.json/);
    writeFileSync(join(folder, 'bad.json'), '{ cases: ');
    expect(() => readSeedFile(join(folder, 'bad.json'))).toThrow(SeedError);
    expect(() => readSeedFile(join(folder, 'bad.json'))).toThrow(/bad\.json is not JSON/);
  });

  test.each([
    [{ cases: [{ status: 0 }] }, "Invalid seed: cases.0: must have required property 'incident_id'"],
    [{ cases: [{ incident_id: 'CS1', status: 5 }] }, 'Invalid seed: cases.0.status: must be equal to one of the allowed values'],
    [{ tickets: [] }, 'Invalid seed: the seed: must NOT have additional properties'],
    [{ labels: [{ label_id: 1, name: 'a' }] }, "Invalid seed: labels.0: must have required property 'color'"],
    [
      { accessories: [{ accessory_id: 'a', file_name: 'f', media_type: 't', content_base64: 'not base64!' }] },
      'Invalid seed: accessories.0.content_base64: must match pattern',
    ],
    [
      {
        cases: [
          { incident_id: 'CS1', status: 0 },
          { incident_id: 'CS1', status: 1 },
        ],
      },
      'cases: the ticket ID CS1 appears twice',
    ],
    [{ cases: [{ incident_id: 'CS1', status: 0, label_ids: [7] }] }, 'cases: ticket CS1 carries label 7, which is not in labels'],
    [
      {
        labels: [
          { label_id: 1, name: 'a', color: '#000000' },
          { label_id: 2, name: 'a', color: '#000000' },
        ],
      },
      'labels: the label name "a" appears twice',
    ],
    [[], 'Invalid seed: the seed: must be object'],
  ])('a bad seed is refused with the reason: %j', (seed, message) => {
    expect(() => createSandbox({ document, seed: seed as never })).toThrow(SeedError);
    expect(() => createSandbox({ document, seed: seed as never })).toThrow(message);
  });

  test("the state's dump is a seed that gives the same state", async () => {
    const { sandbox, call } = sandboxClient({ seed: {} });
    await call('POST', '/v2/servicerequest/labels', { json: { name: 'l', color: '#000000' } });
    const id = (
      await call('POST', '/v2/servicerequest/cases', { json: { business_type_id: 'b', simple_description: 'd', source_id: 's' } })
    ).json.incident_id;
    await call('POST', `/v2/servicerequest/cases/${id}/labels?label_ids=1`);
    await call('POST', '/v2/servicerequest/accessorys/json-format-content', {
      json: { accessory_name: 'a.txt', accessory_data: 'SGVsbG8=' },
    });
    const dump = JSON.parse(JSON.stringify(sandbox.state()));
    const copy = createSandbox({ document, seed: dump });
    expect(copy.state()).toEqual(sandbox.state());
  });
});
