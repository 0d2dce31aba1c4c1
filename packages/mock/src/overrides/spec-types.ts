// The overrides' types, read from the spec's types (src/generated/openapi.ts, openapi-typescript): which
// operations there are, what their validated requests hold, and which answers each may give. Types only;
// they describe the values the engine hands over at run time (see ValidatedRequest), so path and query
// values are the strings sent, and a form's file part is described, not a Blob.

import type { ValidatedRequest } from '../engine/types.js';
import type { operations, paths } from '../generated/openapi.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

/** `'GET /v2/servicerequest/cases/{case_id}/status'`: an operation by method and path template. */
export type OsmRouteKey = {
  [P in keyof paths]: { [M in Method]: paths[P][M] extends Record<string, unknown> ? `${Uppercase<M>} ${P & string}` : never }[Method];
}[keyof paths];

/** `'showCaseStatus'`: an operation by its operationId (the Huawei SDKs' names). */
export type OsmOperationId = keyof operations & string;

/** How an override names its operation: by operationId or by `'METHOD /path/{template}'`. */
export type OsmOperationKey = OsmRouteKey | OsmOperationId;

/** The spec's type of the operation a key names. */
export type OsmOperationOf<K extends OsmOperationKey> = K extends OsmOperationId
  ? operations[K]
  : K extends `${infer M} ${infer P}`
    ? P extends keyof paths
      ? Lowercase<M> extends keyof paths[P]
        ? paths[P][Lowercase<M>]
        : never
      : never
    : never;

/** A value as the request carried it: numbers and booleans as their text (`'4'` of an enum 4), arrays as lists of text. */
type AsSent<T> = T extends readonly unknown[] ? string[] : T extends string | number | boolean ? `${T}` : string;

/** A group of parameters (`path`, `query`) as sent; `{}` when the operation has none. */
type ParametersAsSent<T> = [NonNullable<T>] extends [never]
  ? Record<string, never>
  : { [K in keyof NonNullable<T>]: AsSent<Exclude<NonNullable<T>[K], undefined>> };

/** A file part of a form as the engine describes it (the bytes are in the request's `form`). */
export interface FormFileField {
  filename: string;
  type: string;
  size: number;
}

/** A form's fields as they arrive: text as sent, each file described. */
type FormFields<T> = { [K in keyof T]: T[K] extends Blob ? FormFileField : AsSent<T[K]> };

/** The body of the operation's request, by media type: parsed JSON, or the fields of a form. */
type BodyOf<Op> = Op extends { requestBody: { content: infer C } }
  ? { [T in keyof C]: T extends `multipart/${string}` ? FormFields<C[T]> : C[T] }[keyof C]
  : Op extends { requestBody?: { content: infer C } }
    ? { [T in keyof C]: T extends `multipart/${string}` ? FormFields<C[T]> : C[T] }[keyof C] | undefined
    : undefined;

/** What an override's resolver receives: a request that passed every check of the spec, typed from it. */
export interface OsmOverrideRequest<K extends OsmOperationKey> extends Omit<ValidatedRequest, 'path' | 'query' | 'body'> {
  /** Path parameters by name, decoded. */
  path: ParametersAsSent<OsmOperationOf<K> extends { parameters: { path?: infer P } } ? P : never>;
  /** Query parameters by name (lists for array parameters); names the spec does not know are kept outside strict mode. */
  query: ParametersAsSent<OsmOperationOf<K> extends { parameters: { query?: infer Q } } ? Q : never>;
  /** The parsed JSON body, or a form's fields (files described); undefined without a body. */
  body: BodyOf<OsmOperationOf<K>>;
}

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
/** 400 to 599: the statuses a `default` response stands for (the answer checker's reading). */
type ErrorStatus = `${4 | 5}${Digit}${Digit}` extends `${infer N extends number}` ? N : never;

/** The statuses a response key stands for: itself, or for `default` the errors not listed. */
type StatusOf<Key, Listed> = Key extends 'default' ? Exclude<ErrorStatus, Listed> : Key;

/** Extra response headers (names in lower case); CORS and `content-type` are the engine's. */
type Headers = Record<string, string>;

/** The answers of one response: JSON with its typed body, other media types as bytes; no body where the spec has none. */
type AnswersOf<Status, Response> = Response extends { content: infer C }
  ? {
      [T in keyof C]: T extends 'application/json'
        ? { status: Status; body: C[T]; headers?: Headers }
        : { status: Status; bytes: Uint8Array | string; contentType: T; headers?: Headers };
    }[keyof C]
  : { status: Status; body?: undefined; headers?: Headers };

type ResponsesOf<Op> = Op extends { responses: infer R } ? R : never;

/** The answers of one operation: a union over its statuses (the name TypeScript shows in errors). */
type OperationAnswer<K extends OsmOperationKey> = {
  [S in keyof ResponsesOf<OsmOperationOf<K>>]: AnswersOf<
    StatusOf<S, Exclude<keyof ResponsesOf<OsmOperationOf<K>>, 'default'>>,
    ResponsesOf<OsmOperationOf<K>>[S]
  >;
}[keyof ResponsesOf<OsmOperationOf<K>>];

/**
 * What an override may answer for an operation: one of its statuses, with that status's body (a
 * union over statuses, narrowed by `status`). A JSON answer is `{ status, body }`, a file `{ status,
 * bytes, contentType }`. Distributive over `K` on purpose: while `override()` infers `K`, TypeScript
 * reads the resolver's literals (`status: 4` of an enum) against this type's constraint, and without
 * the distribution it widens them to `number`.
 */
export type OsmOverrideAnswer<K extends OsmOperationKey> = K extends unknown ? OperationAnswer<K> : never;
