// Addresses inside the reference page, and the pass that turns the names readers meet in descriptions
// (an operationId, `GET /v2/...`, an error code, "ERRATA.md") into links to what they name.
// Redoc 3 routes with the URL hash: a section is `#/<tag-slug>`, an operation `#/<tag-slug>/<operationid>`,
// and a second `#` inside the hash names an element id within the section (`#/error-codes#OSM.0001`).

/** Redoc's slug for a tag or heading: lower case, spaces as dashes (punctuation is kept). */
export function slug(name) {
  return name.trim().toLowerCase().replace(/\s+/g, '-');
}

/** Title of the guide that holds the error-code table, and of the errata guide (docs/guides). */
export const ERROR_CODES_GUIDE = 'Error codes';
export const ERRATA_GUIDE = 'Errata';

/** Link to an operation, filed under the tag `tag`. */
export function operationHref(tag, operationId) {
  return `#/${slug(tag)}/${operationId.toLowerCase()}`;
}

/** Link to an error code's row in the error-code table. */
export function errorCodeHref(code) {
  return `#/${slug(ERROR_CODES_GUIDE)}#${code}`;
}

/** Link to a section (guide or tag) by its title. */
export function sectionHref(title) {
  return `#/${slug(title)}`;
}

const METHOD_PATH = String.raw`(GET|POST|PUT|DELETE|PATCH) (\/v[\d.]+\/[\w\-{}/.]*[\w}])`;
// One pass over the text: fenced code and existing links are matched first and kept as they are.
const TOKENS = new RegExp(
  [
    String.raw`(?<fence>\x60\x60\x60[\s\S]*?\x60\x60\x60)`,
    String.raw`(?<link>\[[^\]]*\]\([^)]*\)|<a\s[\s\S]*?<\/a>)`,
    String.raw`\x60(?<methodPathCode>${METHOD_PATH})\x60`,
    String.raw`(?<methodPath>\b${METHOD_PATH})`,
    String.raw`\x60(?<code>OSM\.\d{4,8})\x60`,
    String.raw`(?<bareCode>\bOSM\.\d{4,8}\b)`,
    String.raw`\x60(?<identifier>[a-z][A-Za-z0-9]+)\x60`,
    String.raw`(?<errata>\bERRATA\.md\b)`,
  ].join('|'),
  'g',
);

/**
 * An index of what can be linked: every operation (by operationId and by `METHOD path`) under the tag it
 * is shown in, and every error code of the catalogue.
 */
export function linkTargets(operations, codes) {
  const byId = new Map();
  const byRoute = new Map();
  for (const [path, method, op] of operations) {
    const href = operationHref(op.tags[0], op.operationId);
    byId.set(op.operationId, href);
    byRoute.set(`${method.toUpperCase()} ${path}`, href);
  }
  return { byId, byRoute, codes: new Set(codes.map((c) => c.code)) };
}

/**
 * Markdown with links for the operations, routes, error codes and ERRATA.md mentions it names. Fenced
 * code, existing links and names that match nothing are left alone; `self` (an operationId) is not linked.
 */
export function linkify(markdown, targets, { self } = {}) {
  return markdown.replace(TOKENS, (match, ...args) => {
    const groups = args.at(-1);
    if (groups.fence || groups.link) return match;
    const route = groups.methodPathCode ?? groups.methodPath;
    if (route) {
      const href = targets.byRoute.get(route);
      return href ? `[\`${route}\`](${href})` : match;
    }
    const code = groups.code ?? groups.bareCode;
    if (code) return targets.codes.has(code) ? `[\`${code}\`](${errorCodeHref(code)})` : match;
    if (groups.identifier) {
      const href = groups.identifier !== self && targets.byId.get(groups.identifier);
      return href ? `[\`${groups.identifier}\`](${href})` : match;
    }
    return `[ERRATA.md](${sectionHref(ERRATA_GUIDE)})`;
  });
}

const BARE_URL = /(?<![<(\w/.`-])((?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:com|org|net|io)\/[^\s)|;,<>`]*[^\s)|;,.<>`])/g;

/**
 * Markdown whose bare web addresses (`support.huaweicloud.com/eu/api-ticket/X.html`) are links; the text
 * may break after each `/` (`<wbr>`), so a long address does not widen a table column.
 */
export function linkBareUrls(markdown) {
  return markdown.replace(BARE_URL, (address) => {
    const href = /^https?:/.test(address) ? address : `https://${address}`;
    return `[${address.replace(/\//g, '/<wbr>')}](${href})`;
  });
}

/** Applies `linkify` to every `description` in an OpenAPI document, in place. */
export function linkifyDescriptions(node, targets, self) {
  if (Array.isArray(node)) {
    for (const item of node) linkifyDescriptions(item, targets, self);
  } else if (node && typeof node === 'object') {
    const own = typeof node.operationId === 'string' ? node.operationId : self;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') node[key] = linkify(value, targets, { self: own });
      else linkifyDescriptions(value, targets, own);
    }
  }
}
