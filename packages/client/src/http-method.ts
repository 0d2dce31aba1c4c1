/** The HTTP methods OSM's operations use. */
export type OsmHttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';
