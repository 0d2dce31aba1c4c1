// The spec describes `project_id` fields as the reference does ("Project ID."); the docs add where a
// reader finds one: the "Project IDs" part of the concepts guide (console and IAM API, reference 7.4).
import { sectionHref, slug } from './links.mjs';

/** The link to the guide's part on project IDs. */
export const PROJECT_IDS_HREF = `${sectionHref('Concepts and endpoints')}/${slug('Project IDs')}`;

/** Appends the "how to find it" link to every schema property named `project_id` of the docs' spec. */
export function linkProjectIdFields(spec) {
  for (const schema of Object.values(spec.components?.schemas ?? {})) {
    const field = schema.properties?.project_id;
    if (field) field.description = `${field.description ?? ''} How to find it: [Project IDs](${PROJECT_IDS_HREF}).`.trim();
  }
}
