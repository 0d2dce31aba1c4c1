import { operationTraits } from './generated/operations.js';

/** What the spec says about one operation that the runtime must act on (all absent for most). */
export interface OperationTraits {
  /** Array query parameters and their serialization. */
  arrayQuery?: Readonly<Record<string, ArrayQueryStyle>>;
  /** The request body is multipart/form-data. */
  multipart?: boolean;
  /** The 200 response is a file. */
  binary?: boolean;
}

/** How an array query parameter is written, as the spec declares it (`style`, `explode`). */
export interface ArrayQueryStyle {
  style: 'form' | 'spaceDelimited' | 'pipeDelimited';
  explode: boolean;
}

const traits: Readonly<Record<string, OperationTraits>> = operationTraits;

/** The traits of `METHOD path`. */
export function traitsOf(method: string, path: string): OperationTraits {
  return traits[`${method} ${path}`] ?? {};
}
