// Step: the `Prefer` header is read, and with `Accept` it chooses the answer (status, media type,
// example); a choice the operation cannot give is refused, naming what it has.
import { refusal } from '../answers.js';
import type { Exchange } from '../pipeline.js';
import { parsePrefer } from '../prefer.js';
import { selectResponse } from '../select-response.js';

export function readPreferences(exchange: Exchange) {
  const { request, operation, cors } = exchange;
  const prefer = parsePrefer(request.headers.prefer);
  if (prefer.invalid.length)
    return refusal(
      400,
      prefer.invalid.map((rule) => ({ where: 'header parameter Prefer', rule })),
      cors,
    );
  const selection = selectResponse(operation, prefer, request.headers.accept);
  if ('problem' in selection) return refusal(400, [{ where: 'header parameter Prefer', rule: selection.problem }], cors);
  exchange.prefer = prefer;
  exchange.selection = selection;
  return undefined;
}
