// The sandbox's limits: OSM's own where the reference states them, and a bound on the whole store so that
// a long test run cannot take the machine's memory.

/** Labels of one tenant (7.1, OSM.01010041). */
export const TENANT_LABEL_LIMIT = 30;
/** Labels on one ticket (7.1, OSM.01010042). */
export const CASE_LABEL_LIMIT = 5;
/**
 * One attachment (OSM.01010005): 4 MB, the `limit_size` of showAccessoryLimits (5.5.6) for the v2
 * uploads. (The historical v1.0 upload says 2 MB; it answers its examples, it keeps no state.)
 */
export const ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
/**
 * Uploads of one day, UTC (OSM.01010005 "Upload accessory size exceeded limit today"): the reference
 * names the limit but not its figure. The mock allows eight attachments of the largest size.
 */
export const DAILY_UPLOAD_BYTES = 8 * ATTACHMENT_MAX_BYTES;
/**
 * The whole store: attachments' bytes plus the JSON size of tickets, messages and labels. Operations that
 * would add to a full store are answered 507; a larger seed is refused.
 */
export const STORE_MAX_BYTES = 128 * 1024 * 1024;

/** `4 MiB`, `64 KiB`: a size as the answers write it. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KiB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}
