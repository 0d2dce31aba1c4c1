import { OsmAuthError } from '../errors.js';
import { isHeaderValue } from '../header-value.js';

/** `value` if it is a non-empty string; else an OsmAuthError naming `field` (never showing the value). */
export function requireText(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new OsmAuthError(`${field} must be a non-empty string`);
  return value;
}

/**
 * `value` if it can be sent as a header as it is: a non-empty string, no surrounding spaces, no control
 * characters, nothing beyond Latin-1. The error names `field`; the value stays out of it.
 */
export function requireHeaderText(field: string, value: unknown): string {
  const text = requireText(field, value);
  if (!isHeaderValue(text) || text.trim() !== text) {
    throw new OsmAuthError(`${field} has characters a header cannot carry`);
  }
  return text;
}
