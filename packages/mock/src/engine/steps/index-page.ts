// Step: `GET /` describes the mock (what it serves, where the docs are).
import { jsonAnswer } from '../answers.js';
import type { Arrival, Step } from '../pipeline.js';

/** The step answering `GET /` and `HEAD /` with `index`. */
export function answerIndex(index: unknown): Step<Arrival> {
  return function answerIndexPage({ method, path, cors }) {
    return path === '/' && (method === 'GET' || method === 'HEAD') ? jsonAnswer(200, index, cors) : undefined;
  };
}
