/**
 * @osm-openapi/mock: a mock of Huawei Cloud's OSM Service Ticket API for tests, built on Prism's HTTP
 * library. `startMock()` serves it over HTTP; `@osm-openapi/mock/msw` gives the same answers as MSW handlers.
 */
export { type MockOptions, PortInUseError, type RunningMock, startMock } from './server/start-mock.js';
export type { OsmAnswer, Preferences, Responder, ValidatedRequest } from './engine/types.js';
export type { CaseAction, CaseStatus } from './stateful/lifecycle.js';
export { type SandboxSeed, SeedError } from './stateful/seed.js';
export type { StatefulOption } from './stateful/mock-option.js';
export type { AccessoryRecord, CaseRecord, ContactRecord, LabelRecord, MessageRecord, SandboxState, SatisfactionRecord } from './stateful/state.js';
export type { ProxyOption, ProxySettings } from './proxy/proxy-option.js';
export type { DriftEntry, DriftReport, OperationDrift } from './proxy/drift.js';
export type { ViolationKind } from './proxy/violations.js';
