// IDs and times of what the sandbox creates, in the formats the reference and the spec show.

/** `yyyy-MM-dd HH:mm:ss` in UTC, the way the reference's examples write times (`2020-07-09 00:00:00`). */
export function formatTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * A new ticket ID: `CS`, the creation date `yyyyMMdd`, and a six-digit serial number
 * (`CS20240101000001`, the format of the spec's `case_id` examples), not in `taken`.
 */
export function newCaseId(date: Date, taken: (id: string) => boolean): string {
  const day = date.toISOString().slice(0, 10).replaceAll('-', '');
  for (let serial = 1; ; serial += 1) {
    const id = `CS${day}${String(serial).padStart(6, '0')}`;
    if (!taken(id)) return id;
  }
}

/** The smallest number above every number in `used` (1 when there is none). */
export function nextNumber(used: Iterable<number>): number {
  let highest = 0;
  for (const n of used) if (Number.isFinite(n) && n > highest) highest = n;
  return highest + 1;
}

/** The number at the end of an ID (`msg-000042` -> 42), or 0. */
export function trailingNumber(id: string): number {
  return Number(/(\d+)$/.exec(id)?.[1] ?? 0);
}
