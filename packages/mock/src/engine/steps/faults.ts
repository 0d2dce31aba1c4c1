// Step: the network between the caller and OSM, on request (`Prefer: delay, code=429|503, retry-after,
// fault`) and server-wide (a latency range and a seeded fault rate). It runs once the request has reached
// an operation and its `Prefer` has been read, before OSM's own checks: the API gateway throttles or
// fails a call before OSM sees it, so a 429 or 503 is answered whatever the request's parameters are.
// `reset` and `hang` send nothing (the request is not handled: a stateful mock does not change); a
// `truncate`d request is handled in full and only its answer is cut, so that a test can see what a client
// does when an answer is lost after the work was done. The front doors carry the faults out.
import { refusal } from '../answers.js';
import { RETRY_STATUSES, readFaultPreferences } from '../fault-preferences.js';
import { RANDOM_FAULTS } from '../network.js';
import type { Exchange, Step } from '../pipeline.js';
import { seededRandom } from '../seeded-random.js';
import { selectResponse } from '../select-response.js';
import type { MockResponse, NetworkFault } from '../types.js';
import { wait } from '../wait.js';

/** The `Retry-After` of a 429 or 503 when `Prefer: retry-after` does not give one, in seconds. */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/** Options of the step: the server-wide latency range and fault rate (checked by network.ts), and their seed. */
export interface FaultOptions {
  latency?: readonly [number, number];
  faults: number;
  seed: string;
}

/** An answer of nothing: the door sends no status, no header, no byte. */
const silent = (fault: NetworkFault): MockResponse => ({ status: 0, headers: {}, fault });

/**
 * The fault step. `answerFromSpec` makes the 429 and 503 answers from the spec's examples (so that they
 * are what the spec declares), with the `Retry-After` set here.
 */
export function injectFaults(options: FaultOptions, answerFromSpec: Step<Exchange>): Step<Exchange> {
  const random = options.latency || options.faults > 0 ? seededRandom(options.seed) : undefined;
  return async function injectFault(exchange) {
    const { request, operation, prefer, cors } = exchange;
    // Three draws for every request, used or not, so that the nth request meets the same fate for a seed
    // whatever the requests before it asked for.
    const [latencyDraw = 0, faultDraw = 1, kindDraw = 0] = random ? [random(), random(), random()] : [];
    const asked = readFaultPreferences(request.headers.prefer, exchange.selection?.status);
    if (asked.violations.length) return refusal(400, asked.violations, cors);

    // A request that asks for an answer (`code`, `example`) or a fault of its own gets it, never a random one.
    const own = asked.fault !== undefined || prefer.code !== undefined || prefer.example !== undefined;
    const drawn = !own && faultDraw < options.faults ? RANDOM_FAULTS[Math.floor(kindDraw * RANDOM_FAULTS.length)] : undefined;
    const [min, max] = options.latency ?? [0, 0];
    const delay = asked.delayMs ?? Math.round(min + latencyDraw * (max - min));
    if (delay > 0 && !(await wait(delay, request.signal))) return silent('reset'); // the caller left: nobody to answer

    const fault = asked.fault ?? (typeof drawn === 'string' ? drawn : undefined);
    if (fault === 'reset' || fault === 'hang') return silent(fault);
    if (fault === 'truncate') exchange.fault = fault;

    if (typeof drawn === 'number') {
      const selection = selectResponse(operation, { code: drawn }, request.headers.accept);
      // An operation of a spec that declares neither the status nor a `default` cannot be throttled.
      if ('problem' in selection) return undefined;
      exchange.selection = selection;
    }
    // A 429 or 503 chosen by `Prefer` (`code=429`, `example=throttled`) or drawn is the gateway's answer.
    if (!RETRY_STATUSES.includes(exchange.selection?.status ?? 0)) return undefined;
    const answer = await answerFromSpec(exchange);
    if (!answer) return undefined;
    answer.headers['retry-after'] = String(asked.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
    return answer;
  };
}
