// The `stateful` option of startMock() and osmHandlers(): which sandbox it asks for, and the engine
// around it.
import { createEngine, type Engine, type EngineOptions } from '../engine/engine.js';
import { createSandbox, type Sandbox } from './sandbox.js';
import type { SandboxSeed, SpecDocument } from './seed.js';
import { createStatefulEngine } from './stateful-engine.js';
import type { StatefulOption } from './stateful-option.js';

export type { StatefulOption } from './stateful-option.js';

/**
 * The option with a seed file read by `readSeed` (at once, so that a missing file fails at setup; the
 * front door knows how its platform reads files).
 */
export function resolveStatefulOption(
  option: StatefulOption | undefined,
  readSeed: (path: string) => SandboxSeed,
): false | { seed?: SandboxSeed } {
  if (!option) return false;
  const seed = option === true ? undefined : option.seed;
  return { seed: typeof seed === 'string' ? readSeed(seed) : seed };
}

/** The sandbox of a resolved option (its seed checked against `document`: `SeedError` if bad), or undefined. */
export function sandboxFor(document: object, option: false | { seed?: SandboxSeed }): Sandbox | undefined {
  return option ? createSandbox({ document: document as SpecDocument, seed: option.seed }) : undefined;
}

/** The engine: stateful around `sandbox` when there is one, else the plain one. */
export function engineFor(options: EngineOptions, sandbox: Sandbox | undefined): Promise<Engine> {
  return sandbox ? createStatefulEngine(options, sandbox) : createEngine(options);
}
