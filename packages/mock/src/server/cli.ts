// The `osm-mock` command.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkNetworkOptions, parseLatency } from '../engine/network.js';
import { PortInUseError, startMock } from './start-mock.js';

const HELP = `Usage: osm-mock [options]

Serves every operation of the OSM Service Ticket API from its examples, validating each request
against the spec and answering invalid ones as OSM does (400 OSM.0001, 401 OSM.0002).

Options:
  --port <n>     port to listen on (default 4010; 0 picks a free one)
  --host <addr>  interface to listen on (default 127.0.0.1)
  --dynamic      generate responses from the schemas instead of the examples
  --seed <s>     seed for --dynamic, --latency and --faults, to repeat a run (default osm)
  --latency <ms> add this many milliseconds before every answer, or a range drawn per request
                 (--latency 50-200); 0 to 60000
  --faults <r>   share of requests, 0 to 1, answered with a fault instead: 429 or 503 with
                 Retry-After: 1, a reset connection or a truncated body (--faults 0.05)
  --strict       refuse query parameters and body fields the spec does not name (OSM ignores them)
  --stateful     keep state: created tickets, messages, labels and attachments are found afterwards
                 (control routes: GET /__osm/state, POST /__osm/reset)
  --stateful-seed <file>
                 start the stateful store from this JSON seed file (implies --stateful)
  --proxy <url>  proxy mode: forward every request to this OSM endpoint instead of answering from the
                 spec; requests are checked as in the mock, answers checked against the spec, each
                 answer's violations in an x-osm-violations header and the log, the drift report at
                 GET /__osm/drift. AK/SK requests are re-signed with OSM_AK, OSM_SK, OSM_DOMAIN_ID
                 (and OSM_SECURITY_TOKEN) from the environment; tokens pass through
  --cors <origin>
                 with --proxy: let pages of this web origin (https://app.example) call the proxy;
                 repeat for more. Without it the proxy sends no CORS headers and refuses (403) any
                 request carrying an Origin, since it signs with your credentials
  --errors       with --proxy: refuse invalid requests with OSM's 400 instead of forwarding them
  --report <file>
                 with --proxy: write the drift report on exit, <file> as JSON and <file>.md as Markdown
  --record <dir> with --proxy: write every answered exchange as a redacted contract-test fixture,
                 <dir>/<operationId>/proxy-<status>-<n>.json
  --spec <file>  serve another bundled OpenAPI document (JSON or YAML), read once at start
  --docs <url>   the docs GET / points to (default: the published docs; npm start gives its local ones)
  --quiet        print nothing but errors (no start banner, no access log)
  --version      print the version
  --help         print this help

Select an example with the Prefer header: "Prefer: example=businessError", "Prefer: code=401".
Ask for a fault or a delay: "Prefer: code=429, retry-after=2", "Prefer: fault=reset" (or truncate,
hang), "Prefer: delay=500".
Check the spec against your account: OSM_AK=... OSM_SK=... OSM_DOMAIN_ID=... osm-mock --proxy https://osm.ap-southeast-3.myhuaweicloud.com --report drift.json`;

function fail(message: string): never {
  console.error(`osm-mock: ${message}`);
  process.exit(1);
}

/** What the banner says the mock answers from. */
function mode(options: { dynamic: boolean; stateful: boolean; 'stateful-seed'?: string }): string {
  if (options.stateful || options['stateful-seed'] !== undefined)
    return `stateful${options['stateful-seed'] ? `, seeded from ${options['stateful-seed']}` : ''}`;
  return options.dynamic ? 'dynamic data' : 'examples';
}

/** The command line's options, or the usage and what is wrong (exit 1). */
function readArguments() {
  try {
    return parseArgs({
      options: {
        port: { type: 'string', default: '4010' },
        host: { type: 'string', default: '127.0.0.1' },
        dynamic: { type: 'boolean', default: false },
        seed: { type: 'string' },
        latency: { type: 'string' },
        faults: { type: 'string' },
        strict: { type: 'boolean', default: false },
        stateful: { type: 'boolean', default: false },
        'stateful-seed': { type: 'string' },
        spec: { type: 'string' },
        docs: { type: 'string' },
        proxy: { type: 'string' },
        errors: { type: 'boolean', default: false },
        cors: { type: 'string', multiple: true },
        report: { type: 'string' },
        record: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        version: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${HELP}`);
  }
}

const values = readArguments();

if (values.help) {
  console.log(HELP);
  process.exit(0);
}
if (values.version) {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  console.log(pkg.version);
  process.exit(0);
}
if (values.docs !== undefined && !URL.canParse(values.docs)) fail(`--docs must be a URL, got "${values.docs}"`);
if (values.proxy !== undefined) {
  if (!URL.canParse(values.proxy) || !/^https?:$/.test(new URL(values.proxy).protocol))
    fail(`--proxy must be an http: or https: URL, got "${values.proxy}"`);
  const mocking = (['stateful', 'stateful-seed', 'dynamic', 'latency', 'faults', 'seed'] as const).filter(
    (name) => values[name] !== undefined && values[name] !== false,
  );
  if (mocking.length) fail(`--proxy answers from the upstream: it does not go with --${mocking.join(', --')}`);
} else {
  const needsProxy = (['errors', 'report', 'record', 'cors'] as const).filter(
    (name) => values[name] !== undefined && values[name] !== false,
  );
  if (needsProxy.length) fail(`--${needsProxy.join(', --')} only go${needsProxy.length === 1 ? 'es' : ''} with --proxy <url>`);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
// Checked by the same function as startMock()'s options; text that is not a number is handed over as typed, so the message shows it.
const latency = values.latency === undefined ? undefined : (parseLatency(values.latency) ?? (values.latency as never));
const faults = values.faults === undefined ? undefined : values.faults.trim() === '' ? (values.faults as never) : Number(values.faults);
try {
  checkNetworkOptions({ latency, faults: Number.isNaN(faults) ? (values.faults as never) : faults });
} catch (error) {
  fail(`--${(error as Error).message}`);
}
const seed = values.seed ?? 'osm';

try {
  const mock = await startMock({
    port,
    host: values.host,
    dynamic: values.dynamic,
    seed: values.seed,
    latency,
    faults,
    strict: values.strict,
    docsUrl: values.docs,
    stateful: values['stateful-seed'] !== undefined ? { seed: values['stateful-seed'] } : values.stateful,
    spec: values.spec,
    proxy:
      values.proxy === undefined
        ? undefined
        : { url: values.proxy, errors: values.errors, report: values.report, record: values.record, cors: values.cors },
    log: values.quiet ? undefined : (line) => console.log(line),
  });
  // Before the banner: whoever reads the banner as "ready" (a script, a test) may stop the mock at once.
  const stop = () => {
    void mock.close().then(
      () => {
        if (mock.reportFiles.length) console.error(`osm-mock: drift report written to ${mock.reportFiles.join(' and ')}`);
        process.exit(0);
      },
      (error: Error) => fail(`could not write the drift report: ${error.message}`),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (!values.quiet) {
    const operations = `${mock.operations} operation${mock.operations === 1 ? '' : 's'}`;
    if (values.proxy !== undefined) {
      const signing = process.env.OSM_AK
        ? 'AK/SK requests re-signed with OSM_AK'
        : 'AK/SK requests passed on as signed (set OSM_AK, OSM_SK, OSM_DOMAIN_ID to re-sign them)';
      console.log(
        `OSM mock proxying ${operations} at ${mock.url} to ${new URL(values.proxy).origin} (${values.errors ? 'invalid requests refused' : 'invalid requests reported'}; ${signing}). Drift: ${mock.url}/__osm/drift. Ctrl-C to stop.`,
      );
    } else {
      // The network conditions in the banner, so that a log of a flaky run says how to repeat it.
      const network = [values.latency && `latency ${values.latency} ms`, faults && `faults ${faults}`].filter(Boolean);
      const conditions = network.length ? `; ${network.join(', ')}, seed ${seed}` : '';
      console.log(`OSM mock serving ${operations} at ${mock.url} (${mode(values)}${conditions}). Ctrl-C to stop.`);
    }
  }
} catch (error) {
  fail(
    error instanceof PortInUseError
      ? `${error.message} (--port <n>; --port 0 picks a free one)`
      : `could not start: ${(error as Error).message}`,
  );
}
