// Issue 24, "deep nesting breaks the sandbox" and "seeds skip OSM's own caps": a hostile seed is refused
// with the reason - 400 from POST /__osm/reset, exit code 1 for a seed file - and never takes the mock
// down; the store is left as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';
import { runCli } from '../cli/run-cli.js';
import { tempFolder } from '../support/temp-folder.js';

const TOKEN = { 'X-Auth-Token': 't' };
const SEED = { cases: [{ incident_id: 'CS1', status: 1 as const }], labels: [{ label_id: 1, name: 'one', color: '#000000' }] };
/** The JSON text of a seed whose one ticket has a field nested `depth` deep. */
const deepSeed = (depth: number) => `{"cases":[{"incident_id":"CS2","status":0,"ext_info":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}]}`;
const labels = (count: number) => Array.from({ length: count }, (_, i) => ({ label_id: i + 1, name: `label ${i + 1}`, color: '#000000' }));

describe('POST /__osm/reset with a hostile seed', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, stateful: { seed: SEED } });
  });
  afterAll(() => mock.close());

  const reset = (seed: unknown) =>
    fetch(`${mock.url}/__osm/reset`, { method: 'POST', body: typeof seed === 'string' ? seed : JSON.stringify(seed) });

  test.each([
    ['a ticket field nested 2,000 deep', deepSeed(2000), 'Invalid seed: it nests objects and arrays more than 32 deep'],
    ['a ticket field nested 100,000 deep', deepSeed(100_000), 'Invalid seed: it nests objects and arrays more than 32 deep'],
    [
      '31 labels, where OSM allows 30 per tenant',
      { labels: labels(31) },
      "labels: 31 labels, more than OSM's 30 per tenant (OSM.01010041)",
    ],
    [
      '6 labels on a ticket, where OSM allows 5',
      { labels: labels(6), cases: [{ incident_id: 'CS2', status: 0, label_ids: [1, 2, 3, 4, 5, 6] }] },
      "cases: ticket CS2 carries 6 labels, more than OSM's 5 per ticket (OSM.01010042)",
    ],
    [
      "an attachment over OSM's 4 MB",
      {
        accessories: [
          {
            accessory_id: '1',
            file_name: 'a',
            media_type: 'text/plain',
            content_base64: Buffer.alloc(4 * 1024 * 1024 + 3).toString('base64'),
          },
        ],
      },
      "accessories: attachment 1 has 4 MiB, more than OSM's 4 MiB per attachment (OSM.01010005)",
    ],
  ])('%s: 400 with the reason, the store unchanged, the mock still serving', async (_, seed, reason) => {
    const answer = await reset(seed);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(await answer.json()).toEqual({ error_code: 'OSM.0001', error_msg: `Invalid seed: ${reason.replace(/^Invalid seed: /, '')}` });
    expect(await (await fetch(`${mock.url}/__osm/state`)).json()).toMatchObject({
      cases: [{ incident_id: 'CS1', status: 1 }],
      labels: SEED.labels,
    });
    expect(await (await fetch(`${mock.url}/v2/servicerequest/cases/CS1/status`, { headers: TOKEN })).json()).toEqual({ status: 1 });
  });

  test('30 labels, and 5 on a ticket, are taken', async () => {
    expect((await reset({ labels: labels(30), cases: [{ incident_id: 'CS2', status: 0, label_ids: [1, 2, 3, 4, 5] }] })).status).toBe(200);
    const answer = await (await fetch(`${mock.url}/v2/servicerequest/cases/CS2/labels`, { headers: TOKEN })).json();
    expect(answer.case_label_list).toHaveLength(5);
    await reset(SEED);
  });
});

test('osm-mock --stateful-seed with a ticket nested 3,000 deep: exit code 1 and the reason', async () => {
  const file = join(tempFolder(), 'deep.json');
  writeFileSync(file, deepSeed(3000));
  const run = runCli(['--port', '0', '--stateful-seed', file]);
  expect(await run.exit).toBe(1);
  expect(run.stderr()).toBe('osm-mock: could not start: Invalid seed: it nests objects and arrays more than 32 deep\n');
});
