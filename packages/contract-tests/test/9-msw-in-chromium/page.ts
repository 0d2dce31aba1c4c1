// The page of suite 9, bundled for Chromium: MSW's service worker with @osm-openapi/mock/msw's handlers
// (the package's browser build), and the typed client calling through it. The test drives it through
// `window.osmPage`; everything it passes and gets back is plain JSON.
import { createOsmClient } from '@osm-openapi/client';
import { type OsmHandlersOptions, osmHandlers } from '@osm-openapi/mock/msw';
import { type SetupWorker, setupWorker } from 'msw/browser';

/** A file part of a multipart body, as JSON can carry it. */
export interface FilePart {
  $file: { name: string; type: string; text: string };
}

/** One client call: the method's name on the client, the path template, and its init. */
export interface PageCall {
  key: string;
  method: string;
  path: string;
  auth: boolean;
  init: { params: object; body?: unknown; headers?: Record<string, string> };
}

/** What a caller sees of a result: the status, the OSM error code, the data (a file as its bytes). */
export interface Seen {
  status: number;
  error: string | undefined;
  data: unknown;
}

/** A raw answer: status, the headers a caller reads, the body as text. */
export interface RawAnswer {
  status: number;
  type: string | null;
  cors: string | null;
  body: string;
}

type Send = (path: string, init: object) => Promise<{ data?: unknown; error?: { code: string }; response: Response }>;

let worker: SetupWorker | undefined;

const withFiles = (body: unknown): unknown =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body).map(([name, value]) => [name, (value as Partial<FilePart>)?.$file ? new File([(value as FilePart).$file.text], (value as FilePart).$file.name, { type: (value as FilePart).$file.type }) : value]))
    : body;

const osmPage = {
  /** Registers MSW's worker with the OSM handlers; options as `osmHandlers()` takes them. */
  async start(options: OsmHandlersOptions): Promise<void> {
    worker = setupWorker(...osmHandlers(options));
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
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

  /** Sends each call with the typed client (one with credentials and one without) against `baseUrl`. */
  async call(baseUrl: string, calls: PageCall[]): Promise<Record<string, Seen>> {
    const withAuth = createOsmClient({ baseUrl, retry: false, auth: { token: 'contract-tests-token' } }) as unknown as Record<string, Send>;
    const withoutAuth = createOsmClient({ baseUrl, retry: false }) as unknown as Record<string, Send>;
    const results: Record<string, Seen> = {};
    for (const call of calls) {
      const result = await (call.auth ? withAuth : withoutAuth)[call.method]!(call.path, { ...call.init, ...(call.init.body === undefined ? {} : { body: withFiles(call.init.body) }) });
      const data = result.data instanceof Blob ? [...new Uint8Array(await result.data.arrayBuffer())] : result.data;
      results[call.key] = { status: result.response.status, error: result.error?.code, data };
    }
    return results;
  },

  /** A plain fetch from the page. */
  async fetch(url: string, init: { method?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer> {
    const response = await fetch(url, init);
    return { status: response.status, type: response.headers.get('content-type'), cors: response.headers.get('access-control-allow-origin'), body: await response.text() };
  },
};

declare global {
  interface Window {
    osmPage: typeof osmPage;
  }
}
window.osmPage = osmPage;
