// Prism rejects bad requests in its own shapes: problem+json, or the spec's generic 400/401 example with
// the real reasons hidden in an `sl-violations` header. OSM answers with `{error_code, error_msg}`; these
// functions turn the first into the second, keeping Prism's reasons in the message.

/** The body OSM sends with every error. */
export interface OsmErrorBody {
  error_code: string;
  error_msg: string;
}

/** One entry of Prism's `sl-violations` header. */
export interface PrismViolation {
  location?: string[];
  code?: string | number;
  message: string;
}

/** Parses Prism's `sl-violations` header; an absent or unreadable header gives no violations. */
export function parseViolations(header: string | string[] | undefined): PrismViolation[] {
  if (typeof header !== 'string' || header === '') return [];
  try {
    const parsed: unknown = JSON.parse(header);
    return Array.isArray(parsed) ? (parsed as PrismViolation[]) : [];
  } catch {
    return [];
  }
}

/** "query parameter limit", "header parameter X-Site", "body field incident_satisfaction_list.0" - where a violation is. */
function describeLocation(location: string[]): string {
  if (location[0] !== 'request') return '';
  const [, part, ...rest] = location;
  if (part === 'body') return rest.length ? `body field ${rest.join('.')}` : 'body';
  if (part === 'query' || part === 'header' || part === 'path') return `${part} parameter ${rest.join('.')}`;
  return [part, ...rest].filter(Boolean).join('.');
}

/** Prism words its messages as "Request header parameter x-site must ...": keep the "must ..." part. */
function describeRule(message: string): string {
  const rule = /\b(must|should|is not|unexpected|cannot|does not)\b.*/i.exec(message);
  return rule ? rule[0] : message;
}

/** "query parameter language: is required" - one violation as the OSM message states it. */
function describeViolation(violation: PrismViolation): string {
  // A missing property is reported at its parent ("request.query: must have required property 'x'"):
  // name the property itself.
  const missing = /must have required property '([^']+)'/.exec(violation.message);
  const location = [...(violation.location ?? []), ...(missing?.[1] ? [missing[1]] : [])];
  const where = describeLocation(location);
  const rule = missing ? 'is required' : describeRule(violation.message);
  return where ? `${where}: ${rule}` : violation.message;
}

/** The OSM.0001 body for a request found invalid, naming each parameter and the rule it broke. */
export function badRequestBody(violations: PrismViolation[]): OsmErrorBody {
  const reasons = violations.map(describeViolation);
  return {
    error_code: 'OSM.0001',
    error_msg: reasons.length ? `Invalid request: ${reasons.join('; ')}` : 'Invalid request.',
  };
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
  return {
    error_code: 'APIGW.0101',
    error_msg: `The API does not exist: ${method} ${path}`,
  };
}
