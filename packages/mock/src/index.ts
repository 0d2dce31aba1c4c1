/**
 * @osm-openapi/mock: a mock of Huawei Cloud's OSM Service Ticket API for tests, built on Prism's HTTP
 * library. `startMock()` serves it over HTTP; `@osm-openapi/mock/msw` gives the same answers as MSW handlers.
 */

export type { OsmAnswer, Preferences, Responder, ValidatedRequest } from './engine/types.js';
export { type AnyOsmOverride, type OsmOverride, type OsmOverrideResolver, type OverrideOptions, override } from './overrides/override.js';
export { OverrideError } from './overrides/responder.js';
export type {
  FormFileField,
  OsmOperationId,
  OsmOperationKey,
  OsmOverrideAnswer,
  OsmOverrideRequest,
  OsmRouteKey,
} from './overrides/spec-types.js';
export type { DriftEntry, DriftReport, OperationDrift } from './proxy/drift.js';
export type { ProxyOption, ProxySettings } from './proxy/proxy-settings.js';
export type { ViolationKind } from './proxy/violations.js';
export { type MockOptions, PortInUseError, type RunningMock, startMock } from './server/start-mock.js';
export type { CaseAction, CaseStatus } from './stateful/lifecycle.js';
export { type SandboxSeed, SeedError } from './stateful/seed.js';
export type {
  AccessoryRecord,
  CaseRecord,
  ContactRecord,
  LabelRecord,
  MessageRecord,
  SandboxState,
  SatisfactionRecord,
} from './stateful/state.js';
export type { StatefulOption } from './stateful/stateful-option.js';
