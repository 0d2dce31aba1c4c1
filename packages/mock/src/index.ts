/**
 * @osm-openapi/mock: a mock of Huawei Cloud's OSM Service Ticket API for tests, built on Prism.
 */
export { type MockOptions, PortInUseError, type RunningMock, startMock } from './start-mock.js';
