/**
 * @osm-openapi/mock: a mock of Huawei Cloud's OSM Service Ticket API for tests, built on Prism's HTTP
 * library. `startMock()` serves it over HTTP; `@osm-openapi/mock/msw` gives the same answers as MSW handlers.
 */
export { type MockOptions, PortInUseError, type RunningMock, startMock } from './server/start-mock.js';
export type { OsmAnswer, Preferences, Responder, ValidatedRequest } from './engine/types.js';
