/** First line of every file in src/generated/. */
export declare const GENERATED_HEADER: string;
/** The text of src/generated/openapi.ts for a bundled spec (a parsed document or a file URL). */
export declare function openapiTypes(spec: object | URL): Promise<string>;
