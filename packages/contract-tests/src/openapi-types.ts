// The parts of an OpenAPI 3.0 document the contract tests read. Deliberately loose: the bundle is
// validated by Redocly; these types only spare the checks from casting everywhere.

export interface Reference {
  $ref: string;
}

/** A JSON Schema object as OpenAPI 3.0 writes it (with `nullable`). */
export interface Schema {
  type?: string;
  format?: string;
  nullable?: boolean;
  enum?: unknown[];
  properties?: Record<string, Schema | Reference>;
  required?: string[];
  additionalProperties?: boolean | Schema | Reference;
  items?: Schema | Reference;
  anyOf?: (Schema | Reference)[];
  oneOf?: (Schema | Reference)[];
  allOf?: (Schema | Reference)[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  title?: string;
  [keyword: string]: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  style?: string;
  explode?: boolean;
  schema?: Schema | Reference;
  example?: unknown;
}

export interface MediaType {
  schema?: Schema | Reference;
  example?: unknown;
  examples?: Record<string, { value?: unknown } | Reference>;
}

export interface RequestBody {
  required?: boolean;
  content: Record<string, MediaType>;
}

export interface Header {
  required?: boolean;
  schema?: Schema | Reference;
}

export interface Response {
  description?: string;
  headers?: Record<string, Header | Reference>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: (Parameter | Reference)[];
  requestBody?: RequestBody | Reference;
  responses: Record<string, Response | Reference>;
  security?: Record<string, string[]>[];
}

export type PathItem = {
  parameters?: (Parameter | Reference)[];
} & Partial<Record<'get' | 'put' | 'post' | 'delete' | 'patch', Operation>>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItem>;
  components: {
    schemas?: Record<string, Schema>;
    parameters?: Record<string, Parameter>;
    responses?: Record<string, Response>;
    examples?: Record<string, { summary?: string; value?: unknown }>;
    securitySchemes?: Record<string, { type: string; in?: string; name?: string }>;
  };
  security?: Record<string, string[]>[];
}
