// OSM answers every failure with `{error_code, error_msg}`. These build those bodies; a rejected
// request's message names each parameter or field and the rule it broke, as Prism's validator words it
// ("query parameter limit: must be <= 100").

/** The body OSM sends with every error. */
export interface OsmErrorBody {
  error_code: string;
  error_msg: string;
}

/** One problem of a request: where it is and the rule it broke. */
export interface Violation {
  /** `query parameter limit`, `header parameter X-Auth-Token`, `body field name`, `body`. */
  where: string;
  /** `must be <= 100`, `is required`. */
  rule: string;
}

/** One of Prism's validation diagnostics. */
export interface PrismDiagnostic {
  path?: (string | number)[];
  message: string;
  /** 0 for an error; warnings and hints are not violations. */
  severity: number;
}

/** "query parameter limit", "body field incident_satisfaction_list.0" - where a diagnostic points. */
function describePath(path: (string | number)[]): string {
  const [part, ...rest] = path.map(String);
  if (part === 'body') return rest.length ? `body field ${rest.join('.')}` : 'body';
  if (part === 'query' || part === 'header' || part === 'path') return `${part} parameter ${rest.join('.')}`;
  return path.join('.') || 'request';
}

/** Prism words its messages as "Request header parameter x-site must ...": keep the "must ..." part. */
function describeRule(message: string): string {
  const rule = /\b(must|should|is not|unexpected|cannot|does not)\b.*/i.exec(message);
  return rule ? rule[0] : message;
}

/** A Prism diagnostic as a violation; a missing property is named itself, not its parent. */
export function fromPrism(diagnostic: PrismDiagnostic): Violation {
  const missing = /must have required property '([^']+)'/.exec(diagnostic.message);
  const path = [...(diagnostic.path ?? []), ...(missing?.[1] ? [missing[1]] : [])];
  return { where: describePath(path), rule: missing ? 'is required' : describeRule(diagnostic.message) };
}

/** The OSM.0001 body for a request found invalid, naming each problem. */
export function badRequestBody(violations: readonly Violation[]): OsmErrorBody {
  const reasons = violations.map((v) => `${v.where}: ${v.rule}`);
  return { error_code: 'OSM.0001', error_msg: reasons.length ? `Invalid request: ${reasons.join('; ')}` : 'Invalid request.' };
}

/** The OSM.0002 body for a request without usable credentials. */
export function unauthorizedBody(): OsmErrorBody {
  return {
    error_code: 'OSM.0002',
    error_msg: 'Unauthorized: send a token in X-Auth-Token, or sign the request with an AK/SK (Authorization).',
  };
}

/** The API gateway's answer to a path or method OSM does not have. */
export function noSuchApiBody(method: string, path: string): OsmErrorBody {
  return { error_code: 'APIGW.0101', error_msg: `The API does not exist: ${method} ${path}` };
}

/** A file path (`/home/x/node_modules/lib/a.js:3:7`, `file:///...`, `C:\\...`): it would show this machine's folders and the libraries inside the mock. */
const FILE_PATH = /(?:file:\/\/)?(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'"()]+){2,}(?::\d+)*/g;

/** A failure's message as a caller may see it: its first line (a stack follows it), file paths left out. */
export function withoutInternals(message: string): string {
  return (message.split('\n', 1)[0] ?? '').replace(FILE_PATH, '(a file of the mock)').slice(0, 500);
}

/** The body of an answer the mock itself failed to give (a defect of the mock, never of the request). */
export function mockFailureBody(reason: string): OsmErrorBody {
  return { error_code: 'OSM.0004', error_msg: `Internal error of the mock: ${withoutInternals(reason)}` };
}
