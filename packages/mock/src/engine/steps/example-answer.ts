// Step: the answer chosen by the Prefer step, made by Prism's mocker (a named example, or data generated
// from the schema) and written in the wire format: JSON serialized, files as real files.
import { jsonAnswer } from '../answers.js';
import { hasFileResponses } from '../operation-model.js';
import { mockFailureBody } from '../osm-errors.js';
import type { Exchange, Step } from '../pipeline.js';
import { mockWithPrism } from '../prism.js';
import { isJson, mediaTypeOf } from '../read-request.js';
import { sampleFile } from '../sample-files.js';
import type { MockResponse } from '../types.js';

const textEncoder = new TextEncoder();

/** Options of the step: data generated from the schemas instead of the examples, and its seed. */
export interface ExampleOptions {
  dynamic: boolean;
  seed?: string;
}

/** The step answering from the spec (the last of the pipeline: it always answers). */
export function answerFromSpec(options: ExampleOptions): Step<Exchange> {
  return function answerWithExample(exchange): MockResponse {
    const { operation, selection, prefer, cors, verb, path } = exchange;
    if (!selection) throw new Error('the Prefer step must run before the answer is made');
    const result = mockWithPrism(
      operation.prism,
      { method: verb, path, query: {}, headers: {}, body: undefined },
      { code: selection.status, mediaType: selection.content?.mediaType, example: selection.example, dynamic: prefer.dynamic ?? options.dynamic, seed: prefer.seed ?? options.seed },
    );
    if (!result.ok) return jsonAnswer(500, mockFailureBody(result.detail), cors);
    const headers: Record<string, string> = { ...cors };
    for (const [name, value] of Object.entries(result.headers)) headers[name.toLowerCase()] = String(value);
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
      if (result.body === undefined || result.body === null) body = undefined;
      else if (typeof result.body === 'string' && !isJson(mediaTypeOf(mediaType))) body = result.body;
      else body = JSON.stringify(result.body);
    }
    const bytes = body === undefined ? 0 : typeof body === 'string' ? textEncoder.encode(body).byteLength : body.byteLength;
    headers['content-length'] = String(bytes);
    return { status: selection.status, headers, body: exchange.method === 'HEAD' ? undefined : body };
  };
}
