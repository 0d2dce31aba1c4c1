/** The fetch the client sends requests with: it is given one `Request`, as openapi-fetch calls it. */
export type OsmFetch = (request: Request) => Promise<Response>;
