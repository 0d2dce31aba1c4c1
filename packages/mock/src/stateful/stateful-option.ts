// The \`stateful\` option's type, in a file of its own: the doors' published declarations import it, and
// mock-option.ts's declarations import the engine's internals (Prism's types, not a dependency).
import type { SandboxSeed } from './seed.js';

/**
 * `true`: keep state, starting from the spec's examples; `{ seed }`: starting from a seed object or the
 * path of a JSON seed file; `false` or absent: every answer is an example.
 */
export type StatefulOption = boolean | { seed?: SandboxSeed | string };
