// Starts the one mock that suites 5 and 6 share, serving the spec under test, and stops it at the end.
import { startMock } from '@osm-openapi/mock';
import type { TestProject } from 'vitest/node';
import { specPath } from '../src/spec-under-test.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the running mock. */
    mockUrl: string;
  }
}

export default async function startSharedMock(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock({ port: 0, spec: specPath });
  project.provide('mockUrl', mock.url);
  return () => mock.close();
}
