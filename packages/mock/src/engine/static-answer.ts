// The answer of a named example, made here rather than by Prism's mocker (whose data generator is most of
// Prism's weight, and is loaded only for generated data): the example asked for, or the first one of the
// chosen content, and each declared response header's first example, as Prism's mocker gives them
// (test/prism-parity compares the two). A content or header without an example needs generated data:
// then there is no static answer and the engine asks Prism's mocker.
import type { IHttpOperation } from '@stoplight/types';
import type { Selection } from './select-response.js';

/** An answer's headers (as declared, e.g. `Content-Disposition`) and body value. */
export interface StaticAnswer {
  headers: Record<string, string>;
  body: unknown;
}

type Example = { key: string; value?: unknown };

/** The example answer of `selection`, or undefined when some part of it must be generated. */
export function staticAnswer(operation: IHttpOperation, selection: Selection): StaticAnswer | undefined {
  const response =
    operation.responses.find((r) => r.code === String(selection.status)) ?? operation.responses.find((r) => r.code === 'default');
  if (!response) return undefined;
  const headers: Record<string, string> = {};
  for (const header of response.headers ?? []) {
    if (!header.schema) continue;
    const example = header.examples?.[0] as Example | undefined;
    // A download's Content-Disposition is its sample file's own, and is not sent with its JSON answers (example-answer.ts).
    if (!example) {
      if (header.name.toLowerCase() === 'content-disposition') continue;
      return undefined;
    }
    if ('value' in example && example.value !== undefined && example.value !== null) headers[header.name] = String(example.value);
  }
  if (operation.deprecated) headers.deprecation = 'true';
  const mediaType = selection.content?.mediaType;
  if (!mediaType || selection.content?.file) return { headers, body: undefined };
  const content = response.contents?.find((c) => c.mediaType === mediaType);
  const examples = (content?.examples ?? []) as Example[];
  const example = selection.example === undefined ? examples[0] : examples.find((e) => e.key === selection.example);
  if (!example || !('value' in example) || example.value === undefined) return content?.schema ? undefined : { headers, body: undefined };
  return { headers, body: example.value };
}
