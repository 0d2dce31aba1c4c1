// Reading call lists and credentials: mistakes are reported with where they are, secrets never.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCalls } from '../src/calls.mjs';
import { credentialsFromEnv } from '../src/credentials.mjs';

const dir = mkdtempSync(join(tmpdir(), 'record-calls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('readCalls', () => {
  it('reads YAML and JSON lists', () => {
    expect(readCalls(file('a.yaml', '- operationId: listLabels\n  case: success\n'))).toEqual([
      { operationId: 'listLabels', case: 'success' },
    ]);
    expect(readCalls(file('a.json', '[{"operationId":"listLabels","case":"x","auth":false}]'))).toHaveLength(1);
  });

  it('names the call and the problem', () => {
    expect(() => readCalls(file('b.yaml', '- operationId: listLabels\n'))).toThrow(/call #1 \(listLabels\/undefined\): "case"/);
    expect(() => readCalls(file('c.yaml', '- { operationId: listLabels, case: "../x" }\n'))).toThrow(/file-name-safe/);
    expect(() => readCalls(file('d.yaml', '- { operationId: listLabels, case: a, bogus: 1 }\n'))).toThrow(/unknown key "bogus"/);
    expect(() => readCalls(file('e.yaml', '- { operationId: listLabels, case: a }\n- { operationId: listLabels, case: a }\n'))).toThrow(
      /listLabels\/a is listed twice/,
    );
    expect(() => readCalls(file('f.yaml', 'operationId: listLabels\n'))).toThrow(/expected a list/);
  });
});

describe('credentialsFromEnv', () => {
  it('prefers a token, then AK/SK, and lists every value as a secret', () => {
    expect(credentialsFromEnv({ OSM_TOKEN: 't', OSM_AK: 'a' })).toEqual({ auth: { token: 't' }, secrets: ['t'] });
    expect(credentialsFromEnv({ OSM_AK: 'a', OSM_SK: 's', OSM_DOMAIN_ID: 'd', OSM_SECURITY_TOKEN: 'x' })).toEqual({
      auth: { accessKey: 'a', secretKey: 's', domainId: 'd', securityToken: 'x' },
      secrets: ['a', 's', 'd', 'x'],
    });
    expect(credentialsFromEnv({})).toBeUndefined();
  });

  it('names what is missing from incomplete AK/SK credentials, not the values given', () => {
    expect(() => credentialsFromEnv({ OSM_AK: 'AKVALUE' })).toThrow('set OSM_SK and OSM_DOMAIN_ID too');
    expect(() => credentialsFromEnv({ OSM_AK: 'AKVALUE' })).not.toThrow(/AKVALUE/);
  });
});
