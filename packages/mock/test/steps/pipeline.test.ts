// The pipeline runs its steps in order and stops at the first that answers.
import { expect, test } from 'vitest';
import { runSteps, type Step } from '../../src/engine/pipeline.js';

test('the first answer ends the pipeline; no answer passes through every step', async () => {
  const ran: string[] = [];
  const pass =
    (name: string): Step<object> =>
    () =>
      void ran.push(name) as undefined;
  const answer: Step<object> = async () => {
    ran.push('answer');
    return { status: 204, headers: {} };
  };
  expect(await runSteps({}, [pass('a'), answer, pass('never')])).toEqual({ status: 204, headers: {} });
  expect(ran).toEqual(['a', 'answer']);
  ran.length = 0;
  expect(await runSteps({}, [pass('a'), pass('b')])).toBeUndefined();
  expect(ran).toEqual(['a', 'b']);
});
