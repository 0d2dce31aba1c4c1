// The `project_id` fields of the docs' spec link to where the concepts guide says how to find an ID.
import { loadSpec } from '@osm-openapi/spec';
import { describe, expect, it } from 'vitest';
import { linkProjectIdFields, PROJECT_IDS_HREF } from '../../scripts/project-id-links.mjs';

describe('project_id links', () => {
  it('adds the link to every project_id field, after its own description', () => {
    const spec = loadSpec();
    linkProjectIdFields(spec);
    expect(PROJECT_IDS_HREF).toBe('#/concepts-and-endpoints/project-ids');
    const fields = Object.values(spec.components.schemas).flatMap((schema) =>
      schema.properties?.project_id ? [schema.properties.project_id] : [],
    );
    expect(fields.length).toBeGreaterThanOrEqual(2);
    for (const field of fields)
      expect(field.description).toMatch(/\S How to find it: \[Project IDs\]\(#\/concepts-and-endpoints\/project-ids\)\.$/);
    expect(spec.components.schemas.CreateCasesRequestBody.properties.project_id.description).toMatch(/^Project ID\. How to find it/);
  });
});
