// Step: the answer chosen by the Prefer step — a named example (static-answer.ts), or data generated from
// the schema by Prism's mocker, loaded on first use — written in the wire format: JSON serialized, files
// as real files.
import { jsonAnswer } from '../answers.js';
import { isJson, mediaTypeOf } from '../media-type.js';
import { hasFileResponses } from '../operation-model.js';
import { mockFailureBody } from '../osm-errors.js';
import type { Exchange, Step } from '../pipeline.js';
import { sampleFile } from '../sample-files.js';
import { type StaticAnswer, staticAnswer } from '../static-answer.js';
import type { MockResponse } from '../types.js';

const textEncoder = new TextEncoder();

/** Options of the step: data generated from the schemas instead of the examples, and its seed. */
export interface ExampleOptions {
  dynamic: boolean;
  seed?: string;
}

/** The answer's headers and body from Prism's mocker, or the reason it could not make one. */
async function generatedAnswer(
  exchange: Exchange,
  dynamic: boolean,
  seed: string | undefined,
): Promise<StaticAnswer | { failure: string }> {
  const { mockWithPrism } = await import('../prism-mocker.js');
  const { operation, selection, verb, path } = exchange;
  const result = mockWithPrism(
    operation.prism,
    { method: verb, path, query: {}, headers: {}, body: undefined },
    { code: selection!.status, mediaType: selection!.content?.mediaType, example: selection!.example, dynamic, seed },
  );
  return result.ok ? { headers: result.headers, body: result.body } : { failure: result.detail };
}

/** The step answering from the spec (the last of the pipeline: it always answers). */
export function answerFromSpec(options: ExampleOptions): Step<Exchange> {
  return async function answerWithExample(exchange): Promise<MockResponse> {
    const { operation, selection, prefer, cors } = exchange;
    if (!selection) throw new Error('the Prefer step must run before the answer is made');
    const dynamic = prefer.dynamic ?? options.dynamic;
    const made =
      (!dynamic && staticAnswer(operation.prism, selection)) || (await generatedAnswer(exchange, dynamic, prefer.seed ?? options.seed));
    if ('failure' in made) return jsonAnswer(500, mockFailureBody(made.failure), cors);
    const headers: Record<string, string> = { ...cors };
    for (const [name, value] of Object.entries(made.headers)) headers[name.toLowerCase()] = String(value);
    const mediaType = selection.content?.mediaType;
    if (mediaType) headers['content-type'] = mediaType;
    let body: string | Uint8Array | undefined;
    if (selection.content?.file) {
      const file = sampleFile(mediaType!);
      headers['content-disposition'] = file.disposition;
      body = file.bytes;
    } else {
      // A download's declared Content-Disposition does not belong on its JSON answers.
      if (hasFileResponses(operation)) delete headers['content-disposition'];
      if (made.body === undefined || made.body === null) body = undefined;
      else if (typeof made.body === 'string' && !isJson(mediaTypeOf(mediaType))) body = made.body;
      else body = JSON.stringify(made.body);
    }
    const bytes = body === undefined ? 0 : typeof body === 'string' ? textEncoder.encode(body).byteLength : body.byteLength;
    headers['content-length'] = String(bytes);
    return { status: selection.status, headers, body: exchange.method === 'HEAD' ? undefined : body };
  };
}
