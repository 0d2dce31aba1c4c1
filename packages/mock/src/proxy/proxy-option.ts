// The `proxy` option of startMock() (and `osm-mock --proxy`): what it takes, and the proxy mode it makes -
// the engine, the access-log line, the drift report and what happens at close (`report` written).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Engine } from '../engine/engine.js';
import type { Answered } from '../server/http-adapter.js';
import { allowedOrigins, CallerGuard } from './caller-guard.js';
import { akSkFromEnv, secretsOf } from './credentials.js';
import type { DriftReport } from './drift.js';
import { driftMarkdown } from './drift-markdown.js';
import { createProxy } from './proxy.js';
import { createProxyEngine } from './proxy-engine.js';
import type { ProxyOption, ProxySettings } from './proxy-settings.js';
import { fixtureRecorder } from './recorder.js';
import { cutText, redactText } from './recorder-redaction.js';
import { VIOLATIONS_HEADER, violationsLogPart } from './violations-header.js';

/** How much of a request's URL the access log shows. */
const MAX_LOGGED_URL_CHARS = 2048;

export type { ProxyOption, ProxySettings } from './proxy-settings.js';

/** A running proxy mode. */
export interface ProxyMode {
  engine: Engine;
  /** The access-log line: the URL redacted, the violations counted. */
  line(answered: Answered): string;
  /** Whether AK/SK requests are re-signed. */
  resigns: boolean;
  /** Tells the caller guard where the server listens (the `Host` it accepts). */
  listening(host: string, port: number): void;
  drift(): DriftReport;
  /** Writes the report (when asked for) and closes the upstream's connections; returns the files written. */
  close(): string[];
}

/** The JSON and Markdown files of `--report <file>`. */
export function reportFiles(file: string): { json: string; markdown: string } {
  const base = file.replace(/\.(json|md)$/i, '');
  return { json: `${base}.json`, markdown: `${base}.md` };
}

/** Builds proxy mode for `document`. */
export async function startProxyMode(
  option: ProxyOption,
  document: object,
  extra: { strict?: boolean; docsUrl?: string; log?: (line: string) => void },
): Promise<ProxyMode> {
  const settings: ProxySettings = typeof option === 'string' ? { url: option } : option;
  let upstream: URL;
  try {
    upstream = new URL(settings.url);
  } catch {
    throw new TypeError(`proxy must be the URL of an OSM endpoint, got "${settings.url}"`);
  }
  const guard = new CallerGuard(allowedOrigins(settings.cors));
  const credentials = settings.credentials ?? akSkFromEnv();
  const proxy = createProxy(document, { upstream: upstream.href, credentials, timeouts: settings.timeouts });
  const ownSecrets = secretsOf(credentials);
  const record = settings.record === undefined ? undefined : fixtureRecorder(settings.record, upstream.origin);
  const engine = await createProxyEngine(
    { document, strict: extra.strict, docsUrl: extra.docsUrl },
    proxy,
    {
      errors: settings.errors ?? false,
      record,
      onRecord: (result) => {
        if ('skipped' in result) extra.log?.(`osm-mock: ${result.skipped}`);
      },
    },
    guard,
  );
  return {
    engine,
    resigns: proxy.resigns,
    listening: (host, port) => guard.listening(host, port),
    drift: () => proxy.drift.report(),
    line({ method, url, status, ms, headers }) {
      // The URL is cut before it is redacted: a request head may be 16 KB, the log line need not be.
      const shown = redactText(cutText(url, MAX_LOGGED_URL_CHARS, ownSecrets), ownSecrets);
      return `${method} ${shown} -> ${status} (${ms} ms)${violationsLogPart(headers?.[VIOLATIONS_HEADER])}`;
    },
    close() {
      proxy.close();
      if (settings.report === undefined) return [];
      const report = proxy.drift.report();
      const files = reportFiles(settings.report);
      mkdirSync(dirname(files.json), { recursive: true });
      writeFileSync(files.json, `${JSON.stringify(report, null, 2)}\n`);
      writeFileSync(files.markdown, driftMarkdown(report));
      return [files.json, files.markdown];
    },
  };
}
