// Reading a seed file (Node only; the browser's MSW handlers take the seed as an object).
import { readFileSync } from 'node:fs';
import { type SandboxSeed, SeedError } from './seed.js';

/** Reads and parses a JSON seed file; its content is checked when the sandbox takes it. */
export function readSeedFile(path: string): SandboxSeed {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError(`Cannot read the seed file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as SandboxSeed;
  } catch (error) {
    throw new SeedError(`The seed file ${path} is not JSON: ${(error as Error).message}`);
  }
}
