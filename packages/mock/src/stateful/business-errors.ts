// OSM's business errors (HTTP 200, table 7.1 of the reference), taken from the spec's own named
// examples so that the sandbox answers exactly what the stateless mock answers for them.

/** The body of an OSM error. */
export interface OsmError {
  error_code: string;
  error_msg: string;
}

/** The business errors the sandbox answers, by what they mean. */
export const BUSINESS_ERRORS = {
  paramValidation: 'OSM.01010001',
  uploadLimit: 'OSM.01010005',
  caseNotFound: 'OSM.01010015',
  operationIllegal: 'OSM.01010019',
  statusIllegal: 'OSM.01010034',
  labelNotFound: 'OSM.01010039',
  labelNameExists: 'OSM.01010040',
  tenantLabelLimit: 'OSM.01010041',
  caseLabelLimit: 'OSM.01010042',
  accessoryInvalid: 'OSM.01010045',
} as const;

/** A business error the sandbox answers. */
export type BusinessError = keyof typeof BUSINESS_ERRORS;

interface ExampleObject {
  value?: unknown;
}

function isOsmError(value: unknown): value is OsmError {
  const body = value as Partial<OsmError> | null;
  return typeof body?.error_code === 'string' && typeof body.error_msg === 'string';
}

/**
 * The body of each business error, read from `components.examples` of the spec. The v2 wording wins
 * over the historical one (examples named `...V1Example`). Throws when the spec has no example for
 * one of them, so that a change to the spec cannot silently change the sandbox's answers.
 */
export function businessErrorBodies(examples: Readonly<Record<string, ExampleObject>>): Record<BusinessError, OsmError> {
  const byCode = new Map<string, OsmError>();
  const named = Object.entries(examples).sort(([a], [b]) => Number(a.endsWith('V1Example')) - Number(b.endsWith('V1Example')));
  for (const [, example] of named) {
    if (isOsmError(example.value) && !byCode.has(example.value.error_code)) byCode.set(example.value.error_code, example.value);
  }
  const bodies = {} as Record<BusinessError, OsmError>;
  for (const [name, code] of Object.entries(BUSINESS_ERRORS) as [BusinessError, string][]) {
    const body = byCode.get(code);
    if (!body) throw new Error(`The spec has no named example of the business error ${code}; the stateful mock answers with it.`);
    bodies[name] = { error_code: body.error_code, error_msg: body.error_msg };
  }
  return bodies;
}
