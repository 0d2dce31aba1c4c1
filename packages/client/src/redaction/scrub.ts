import type { Redact } from './redactor.js';

/** How deep a `cause` chain is followed; a longer one is cut there (a cycle would be endless). */
const MAX_CAUSE_DEPTH = 8;

/**
 * `value` with every string it carries redacted: a string itself; for an error, every own property
 * (message, stack, code, requestId...), and its `cause` chain the same way. An error is copied, with its
 * prototype (so `instanceof` and its methods still work), only when something in it changed; anything
 * else is returned as it is.
 */
export function scrub<T>(value: T, redact: Redact, depth = 0): T {
  if (typeof value === 'string') return redact(value) as T;
  if (!(value instanceof Error)) return value;
  if (depth >= MAX_CAUSE_DEPTH) return new Error('(cause chain cut)') as T;
  let changed = false;
  const properties: PropertyDescriptorMap = {};
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
    // `stack` is an accessor in newer V8: read it through the error, keep it as a plain value.
    const original: unknown = 'value' in descriptor ? descriptor.value : Reflect.get(value, key);
    const cleaned = key === 'cause' ? scrub(original, redact, depth + 1) : typeof original === 'string' ? redact(original) : original;
    changed ||= cleaned !== original;
    properties[key] = { value: cleaned, writable: true, configurable: true, enumerable: descriptor.enumerable ?? false };
  }
  return changed ? (Object.create(Object.getPrototypeOf(value), properties) as T) : value;
}
