// The page of suite 9, bundled for Chromium: MSW's service worker with @osm-openapi/mock/msw's handlers
// (the package's browser build), and the typed client calling through it. The test drives it through
// `window.osmPage`; everything it passes and gets back is plain JSON.
import { type OsmHandlersOptions, osmHandlers } from '@osm-openapi/mock/msw';
import { type SetupWorker, setupWorker } from 'msw/browser';
import { type ReplayCall, replay, replayClients, type Seen } from '../../src/replay.js';

/** A file part of a multipart body, as JSON can carry it. */
export interface FilePart {
  $file: { name: string; type: string; text: string };
}

/** A fixture's call with its file parts as {@link FilePart}s, named by its fixture file. */
export interface PageCall extends ReplayCall {
  key: string;
}

/** A raw answer: status, the headers a caller reads, the body as text. */
export interface RawAnswer {
  status: number;
  type: string | null;
  cors: string | null;
  body: string;
}

let worker: SetupWorker | undefined;

const withFiles = (body: unknown): unknown =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? Object.fromEntries(
        Object.entries(body).map(([name, value]) => [
          name,
          (value as Partial<FilePart>)?.$file
            ? new File([(value as FilePart).$file.text], (value as FilePart).$file.name, { type: (value as FilePart).$file.type })
            : value,
        ]),
      )
    : body;

const osmPage = {
  /** Registers MSW's worker with the OSM handlers; options as `osmHandlers()` takes them. */
  async start(options: OsmHandlersOptions): Promise<void> {
    worker = setupWorker(...osmHandlers(options));
    await worker.start({ quiet: true, onUnhandledFrame: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  },

  /** Replaces the worker's handlers with new ones (`osmHandlers(options)`). */
  use(options: OsmHandlersOptions): void {
    worker!.resetHandlers(...osmHandlers(options));
  },

  /** Whether the page's requests go through a service worker. */
  controlled: () => navigator.serviceWorker.controller !== null,

  /** The message `osmHandlers(options)` throws, or undefined. */
  refusal(options: OsmHandlersOptions): string | undefined {
    try {
      osmHandlers(options);
      return undefined;
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    }
  },

  /** Replays each call with the typed client against `baseUrl`, one after the other. */
  async call(baseUrl: string, calls: PageCall[]): Promise<Record<string, Seen>> {
    const clients = replayClients(baseUrl);
    const results: Record<string, Seen> = {};
    for (const call of calls) {
      results[call.key] = await replay(clients, {
        ...call,
        init: { ...call.init, ...(call.init.body === undefined ? {} : { body: withFiles(call.init.body) }) },
      });
    }
    return results;
  },

  /** A plain fetch from the page. */
  async fetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
    const { status, headers, body } = await osmPage.exchange(url, init);
    return { status, type: headers['content-type'] ?? null, cors: headers['access-control-allow-origin'] ?? null, body };
  },

  /** A plain fetch from the page, with every header of the answer the page can read; `timeoutMs` aborts it. */
  async exchange(
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number },
  ): Promise<{ status: number; headers: Record<string, string>; body: string }> {
    const { timeoutMs, ...fetchInit } = init;
    const response = await fetch(url, { ...fetchInit, ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}) });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  },
};

declare global {
  interface Window {
    osmPage: typeof osmPage;
  }
}
window.osmPage = osmPage;
