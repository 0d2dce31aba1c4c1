// The sidebar's three groups (Redoc's x-tagGroups): the guides, the v2 API, and the historical v1.0 API.

/** The group names, in sidebar order. */
export const GROUPS = { guides: 'Guides', v2: 'API v2', historical: 'Historical API' };

const isHistorical = (tag) => tag.name.startsWith('Historical');

/** x-tagGroups for the guide tags and the spec's own tags (a tag named "Historical..." is v1.0). */
export function tagGroups(guideTags, specTags) {
  return [
    { name: GROUPS.guides, tags: guideTags.map((t) => t.name) },
    { name: GROUPS.v2, tags: specTags.filter((t) => !isHistorical(t)).map((t) => t.name) },
    { name: GROUPS.historical, tags: specTags.filter(isHistorical).map((t) => t.name) },
  ];
}
