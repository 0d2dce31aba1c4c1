// How a contract failure reads: the operation, the fixture file, and the JSON pointer of each mismatch.
import type { Mismatch } from './schema-validator.js';

/** Formats mismatches as one line each: `<operationId> <file> <pointer>: <message>`. */
export function formatMismatches(operationId: string, file: string, mismatches: Mismatch[]): string {
  return mismatches.map((m) => `${operationId} ${file} ${m.pointer || '/'}: ${m.message}`).join('\n');
}

/** Throws listing every mismatch, or returns when there is none. */
export function assertNoMismatches(operationId: string, file: string, mismatches: Mismatch[]): void {
  if (mismatches.length) throw new Error(`${mismatches.length} mismatch(es):\n${formatMismatches(operationId, file, mismatches)}`);
}

/** The line each suite prints at its end, e.g. `[fixtures vs spec] 95 operations checked (119 fixtures)`. */
export function reportChecked(suite: string, operations: number, detail?: string): void {
  console.log(`[${suite}] ${operations} operations checked${detail ? ` (${detail})` : ''}`);
}
