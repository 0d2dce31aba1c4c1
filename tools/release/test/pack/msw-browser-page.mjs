// Bundled for a browser page by the pack test (not run): MSW's worker with the installed package's
// handlers, as a user's bundler sees them through the `browser` export condition.
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupWorker } from 'msw/browser';

export const worker = setupWorker(...osmHandlers());
