// Which response, media type and example answer a request: from `Prefer` (code, example) and `Accept`.
// Decided here rather than by Prism, so that every choice the caller cannot have is refused in OSM's
// format, naming what the operation has, and so that an `Accept` the operation cannot satisfy is
// answered as OSM does (with its JSON or its file) instead of 406.
import type { OperationModel, ResponseContent, ResponseModel } from './operation-model.js';
import type { Preferences } from './types.js';

/** The answer chosen for a request. */
export interface Selection {
  /** The status to answer (a `default` response answers the status asked for). */
  status: number;
  /** Absent for a response without a body. */
  content?: ResponseContent;
  /** The named example asked for, if any. */
  example?: string;
}

/** Media ranges of an `Accept` header, most preferred first; `q=0` ranges dropped. */
function acceptedRanges(accept: string | undefined): string[] {
  if (!accept) return [];
  return accept
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { range, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.range && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((r) => r.range);
}

function matches(range: string, mediaType: string): boolean {
  if (range === '*/*' || range === '*') return true;
  const type = mediaType.toLowerCase();
  return range.endsWith('/*') ? type.startsWith(range.slice(0, -1)) : type === range;
}

/** The content `accept` asks for; else a file if the answer has one (a download), else the first. */
function negotiate(contents: ResponseContent[], accept: string | undefined): ResponseContent | undefined {
  for (const range of acceptedRanges(accept)) {
    const found = contents.find((c) => matches(range, c.mediaType));
    if (found) return found;
  }
  return contents.find((c) => c.file) ?? contents[0];
}

/** "success, businessError (200); badRequest (400)" - the examples an operation has. */
export function exampleNames(operation: OperationModel): string {
  return operation.responses
    .map((r) => ({ code: r.code, names: [...new Set(r.contents.flatMap((c) => c.examples))] }))
    .filter((r) => r.names.length)
    .map((r) => `${r.names.join(', ')} (${r.code})`)
    .join('; ');
}

const codes = (operation: OperationModel) => operation.responses.map((r) => r.code).join(', ');

/** The response for `Prefer: code=...`, or the first success; undefined when there is none to give. */
function responseFor(operation: OperationModel, prefer: Preferences): ResponseModel | undefined {
  const { responses } = operation;
  const success = responses.find((r) => /^2\d\d$/.test(r.code));
  if (prefer.code !== undefined)
    return responses.find((r) => r.code === String(prefer.code)) ?? responses.find((r) => r.code === 'default');
  if (prefer.example !== undefined) {
    return [success, ...responses].find((r) => r?.contents.some((c) => c.examples.includes(prefer.example!)));
  }
  return success;
}

/** Chooses the answer, or says in words why the preferences cannot be met. */
export function selectResponse(
  operation: OperationModel,
  prefer: Preferences,
  accept: string | undefined,
): Selection | { problem: string } {
  // 1xx are no final answers: HTTP cannot end a request with one.
  if (prefer.code !== undefined && (prefer.code < 200 || prefer.code > 599)) {
    return { problem: `code=${prefer.code}: must be an HTTP status from 200 to 599; this operation answers ${codes(operation)}` };
  }
  const response = responseFor(operation, prefer);
  if (!response) {
    return prefer.code !== undefined
      ? { problem: `code=${prefer.code}: this operation answers ${codes(operation)}` }
      : { problem: `example=${prefer.example}: this operation has no such example; it has ${exampleNames(operation)}` };
  }
  const status = response.code === 'default' ? (prefer.code ?? 500) : Number(response.code);
  // A response without a body (204) has no content to choose.
  if (prefer.example === undefined) return { status, content: negotiate(response.contents, accept) };
  const candidates = response.contents.filter((c) => c.examples.includes(prefer.example!));
  if (!candidates.length) {
    const where = response.code === 'default' ? `the ${status} answer` : `its ${response.code} answer`;
    return { problem: `example=${prefer.example}: ${where} has no such example; this operation has ${exampleNames(operation)}` };
  }
  return { status, content: negotiate(candidates, accept), example: prefer.example };
}
