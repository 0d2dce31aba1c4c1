import { serializeArrayParam, serializePrimitiveParam } from 'openapi-fetch';
import type { ArrayQueryStyle } from './operation-traits.js';

/**
 * A query serializer for one operation. openapi-fetch applies one array style to every parameter; the
 * spec mixes them (`label_ids=1,2,3` next to repeated names), so each array parameter is written the
 * way its operation declares it, and OpenAPI's default (form, exploded: `a=1&a=2`) otherwise.
 */
export function querySerializerFor(
  arrayStyles: Readonly<Record<string, ArrayQueryStyle>> = {},
): (query: Record<string, unknown>) => string {
  return (query: Record<string, unknown>): string =>
    Object.entries(query)
      .filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0))
      .map(([name, value]) =>
        Array.isArray(value)
          ? serializeArrayParam(name, value, arrayStyles[name] ?? { style: 'form', explode: true })
          : serializePrimitiveParam(name, String(value)),
      )
      .join('&');
}
