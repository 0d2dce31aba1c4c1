// `pnpm coverage` as a user runs it: the counts it prints, the SDK-only operations listed by name apart
// from the reference's, and its exit code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inventorySdkOperations } from '../inventory.mjs';

const root = join(import.meta.dirname, '..', '..', '..');

describe('pnpm coverage', () => {
  const run = spawnSync(process.execPath, [join(root, 'tools', 'coverage', 'check.mjs')], { encoding: 'utf8' });
  const lines = run.stdout.split('\n');

  it('prints 95/95 operations and 64/64 error codes, and exits 0', () => {
    expect(lines[0]).toBe('95/95 operations (84 in the reference, 11 beyond it)');
    expect(lines).toContain('64/64 error codes');
    expect(run.status).toBe(0);
  });

  it('lists the 11 operations beyond the reference under their own heading, each with method and path', () => {
    const heading = lines.indexOf("  beyond the reference, from Huawei's SDKs (x-source: huawei-sdk):");
    expect(heading).toBe(1);
    const listed = lines.slice(heading + 1, heading + 12).map((line) => line.trim().split(/\s+/));
    expect(listed.map(([method, path, id]) => ({ method, path, operation_id: id }))).toEqual(
      inventorySdkOperations(root).map(({ method, path, operation_id }) => ({ method, path, operation_id })),
    );
    expect(lines[heading + 12]).toMatch(
      /^ {2}6 fields beyond the reference: .*IncidentInfoV2\.root_cause.*AccessoryUrl\.accessory_name|^ {2}6 fields beyond the reference: .*AccessoryUrl\.accessory_name.*IncidentInfoV2\.root_cause/,
    );
  });
});
