// Issue 24, "`Prefer: dynamic=true` switches to generated data but is not documented": now documented
// (README, "Choosing a response"), and held to what the README says.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type RunningMock, startMock } from '../../src/index.js';

const CASES = '/v2/servicerequest/cases';
const TOKEN = { 'X-Auth-Token': 't' };

describe('Prefer: dynamic and seed', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());
  const get = async (prefer?: string) => {
    const response = await fetch(`${mock.url}${CASES}`, { headers: { ...TOKEN, ...(prefer ? { Prefer: prefer } : {}) } });
    return { status: response.status, body: await response.json() };
  };

  test('dynamic=true answers generated data, the same for the same seed=, other data for another', async () => {
    const example = await get();
    const [one, again, other] = await Promise.all([get('dynamic=true, seed=a'), get('dynamic=true, seed=a'), get('dynamic=true, seed=b')]);
    expect(one.status).toBe(200);
    expect(one.body).not.toEqual(example.body);
    expect(again.body).toEqual(one.body);
    expect(other.body).not.toEqual(one.body);
  });

  test('dynamic=false answers the example', async () => {
    expect(await get('dynamic=false')).toEqual(await get());
  });

  test('anything but true or false is refused, naming it', async () => {
    expect(await get('dynamic=yes')).toEqual({
      status: 400,
      body: { error_code: 'OSM.0001', error_msg: 'Invalid request: header parameter Prefer: dynamic=yes: must be true or false' },
    });
  });
});
