// Type-checked in the scratch project against the installed @osm-openapi/mock: overrides typed from the
// spec through the published declarations, and the mistakes those types must catch.
import { override } from '@osm-openapi/mock';
import type { useOsmMock } from '@osm-openapi/mock/vitest';

export const closed = override('GET /v2/servicerequest/cases/{case_id}/status', ({ path }) =>
  path.case_id === 'CS1' ? { status: 200, body: { status: 4 } } : undefined,
);

export function mistakes(): void {
  // @ts-expect-error - a misspelt field of the answer
  override('showCaseStatus', () => ({ status: 200, body: { statuss: 4 } }));
  // @ts-expect-error - a status the operation does not list
  override('showCaseStatus', () => ({ status: 201, body: { status: 4 } }));
  // @ts-expect-error - no such operation
  override('showCaseStatuss', () => undefined);
}

export type Fixture = ReturnType<typeof useOsmMock>;
