// The in-page mock of the "Try it" panels, bundled to dist/try-it/mock.js and loaded on the first call to
// it (it is the mock's whole engine, about 5 MB): MSW's service worker answering with the handlers of
// @osm-openapi/mock's browser build, the examples under one URL and a stateful sandbox under another.
// Both URLs are on the page's own origin, so a request the worker does not answer reaches the static
// server (a 404), never another host.
import { osmHandlers } from '@osm-openapi/mock/msw';
import { setupWorker } from 'msw/browser';

/**
 * Registers the worker script at `workerUrl` (MSW's mockServiceWorker.js, next to the page) and starts
 * answering under `examplesUrl` and `sandboxUrl`.
 */
export async function startInPageMock({ workerUrl, examplesUrl, sandboxUrl }) {
  if (!('serviceWorker' in navigator)) {
    throw new Error('this browser runs no service worker here: the page must come from https:// or from localhost');
  }
  const worker = setupWorker(...osmHandlers({ baseUrl: examplesUrl }), ...osmHandlers({ baseUrl: sandboxUrl, stateful: true }));
  await worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: workerUrl } });
}
