// The sidebar groups.
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { GROUPS, tagGroups } from '../../scripts/tag-groups.mjs';

describe('tagGroups', () => {
  const spec = loadSpec();
  const groups = tagGroups([{ name: 'Getting started' }, { name: 'Errata' }], spec.tags);

  it('puts the guides first, then the v2 tags, then the historical v1.0 tag', () => {
    expect(groups.map((g) => g.name)).toEqual([GROUPS.guides, GROUPS.v2, GROUPS.historical]);
    expect(groups[0].tags).toEqual(['Getting started', 'Errata']);
    expect(groups[2].tags).toEqual(['Historical (v1.0)']);
  });

  it("places every tag of the spec in exactly one group, in the spec's order", () => {
    expect([...groups[1].tags, ...groups[2].tags]).toEqual(spec.tags.map((t) => t.name));
  });
});
